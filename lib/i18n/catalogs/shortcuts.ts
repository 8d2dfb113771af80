import { defineCatalog } from "../define";

export const shortcuts = defineCatalog({
  ar: {
    title: "اختصارات لوحة المفاتيح",
    openCheatSheet: "اختصارات لوحة المفاتيح (?)",
    keyColumn: "المفتاح",
    actionColumn: "ما يفعله",
    showCheatSheet: "يعرض هذه القائمة",
    focusSearch: "ينقل المؤشر إلى مربع البحث في الصفحة",
    sendMessage: "يرسل الرسالة من أي مربع كتابة",
    listRows: "ينتقل بين صفوف قائمة الجلسات",
    listSelect: "يحدد الصف الحالي",
    listOpen: "يعرض محادثة الصف الحالي",
    closeDialog: "يغلق النافذة المفتوحة",
  },
  en: {
    title: "Keyboard shortcuts",
    openCheatSheet: "Keyboard shortcuts (?)",
    keyColumn: "Key",
    actionColumn: "What it does",
    showCheatSheet: "Shows this list",
    focusSearch: "Moves to the page's search box",
    sendMessage: "Sends the message from any message box",
    listRows: "Moves between rows of the sessions list",
    listSelect: "Selects the current row",
    listOpen: "Views the current row's conversation",
    closeDialog: "Closes the open dialog",
  },
});
