import { defineCatalog } from "../define";

export const settings = defineCatalog({
  ar: {
    title: "إعدادات النظام",
    chatSection: "إعدادات المحادثة",
    mobileChat: "تفعيل الدردشة في تطبيق الهاتف",
    mobileChatHint: "تشغيل أو إيقاف ميزة الدردشة في التطبيق",
    saved: "تم حفظ الإعدادات",
    on: "مفعّلة",
    off: "متوقفة",
  },
  en: {
    title: "System settings",
    chatSection: "Chat settings",
    mobileChat: "Enable chat in the mobile app",
    mobileChatHint: "Turns the chat feature of the app on or off",
    saved: "Settings saved",
    on: "On",
    off: "Off",
  },
});
