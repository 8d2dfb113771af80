import { defineCatalog } from "../define";

// Messages of the mobile API's errors, by their stable code.
export const api = defineCatalog({
  ar: {
    unauthorized: "سجّل الدخول أولًا: رمز الدخول مفقود أو غير صالح أو أُلغي.",
    forbidden: "ليست لديك صلاحية للقيام بذلك.",
    chat_disabled: "الدردشة متوقفة حاليًا في التطبيق.",
    not_found: "غير موجود.",
    invalid: "المدخلات غير صالحة.",
    malformed_json: "نص الطلب ليس JSON صالحًا.",
    too_large: "نص الطلب أكبر من المسموح.",
    conflict: "تعارض مع تغيير آخر.",
    idempotency_key_reused: "مفتاح عدم التكرار (Idempotency-Key) هذا استُخدم من قبل لطلب مختلف.",
    rate_limited: "محاولات كثيرة. حاول لاحقًا.",
    unavailable: "الخدمة غير متاحة مؤقتًا. حاول بعد قليل.",
    internal: "حدث خطأ غير متوقع.",
  },
  en: {
    unauthorized: "Sign in first: the token is missing, not valid or revoked.",
    forbidden: "You are not allowed to do that.",
    chat_disabled: "Chat is turned off in the app for now.",
    not_found: "Not found.",
    invalid: "The input is not valid.",
    malformed_json: "The request body is not valid JSON.",
    too_large: "The request body is too large.",
    conflict: "This conflicts with another change.",
    idempotency_key_reused: "This Idempotency-Key was already used for a different request.",
    rate_limited: "Too many attempts. Try again later.",
    unavailable: "The service is unavailable for a moment. Try again shortly.",
    internal: "Something unexpected went wrong.",
  },
});
