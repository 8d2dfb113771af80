import { defineCatalog } from "../define";

export const settings = defineCatalog({
  ar: {
    title: "إعدادات النظام",
    chatSection: "إعدادات المحادثة",
    mobileChat: "تفعيل الدردشة في تطبيق الهاتف",
    mobileChatHint: "عند التفعيل يتحدث العملاء والبائعون عن المنتجات في تطبيق الهاتف وفي الدردشة على الويب. عند الإيقاف تُرفض طلبات الدردشة من التطبيق وتعرض الدردشة على الويب تنبيهًا؛ لا يُحذف شيء وتبقى اللوحة تعمل.",
    turnOffTitle: "إيقاف الدردشة للجميع؟",
    turnOffBody: "لن يتمكن أي عميل أو بائع من إرسال الرسائل أو قراءتها في تطبيق الهاتف ولا في الدردشة على الويب حتى تعيد تفعيلها. لا تُحذف أي رسالة، ويبقى فريق اللوحة قادرًا على العمل.",
    turnOffConfirm: "إيقاف الدردشة",
    saved: "تم حفظ الإعدادات",
    on: "مفعّلة",
    off: "متوقفة",
  },
  en: {
    title: "System settings",
    chatSection: "Chat settings",
    mobileChat: "Enable chat in the mobile app",
    mobileChatHint: "When on, customers and vendors talk about products in the mobile app and the web chat. When off, the app's chat requests are refused and the web chat shows a notice; nothing is deleted and the panel keeps working.",
    turnOffTitle: "Turn chat off for everyone?",
    turnOffBody: "No customer or vendor will be able to send or read messages in the mobile app or the web chat until you turn it back on. No message is deleted, and staff keep working in the panel.",
    turnOffConfirm: "Turn chat off",
    saved: "Settings saved",
    on: "On",
    off: "Off",
  },
});
