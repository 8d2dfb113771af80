import { defineCatalog } from "../define";

export const auth = defineCatalog({
  ar: {
    signInTitle: "تسجيل الدخول",
    signInSubtitle: "ادخل إلى لوحة إدارة السوق",
    email: "البريد الإلكتروني",
    password: "كلمة المرور",
    signIn: "دخول",
    signingIn: "جارٍ الدخول…",
    emailInvalid: "أدخل بريدًا إلكترونيًا صالحًا.",
    passwordRequired: "أدخل كلمة المرور.",
    wrongCredentials: "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
    signedOut: "تم تسجيل خروجك.",
    tooManyAttempts: "محاولات دخول فاشلة كثيرة. حاول مرة أخرى بعد ١٥ دقيقة.",
  },
  en: {
    signInTitle: "Sign in",
    signInSubtitle: "Enter the marketplace admin panel",
    email: "Email",
    password: "Password",
    signIn: "Sign in",
    signingIn: "Signing in…",
    emailInvalid: "Enter a valid email address.",
    passwordRequired: "Enter your password.",
    wrongCredentials: "The email or password is not correct.",
    signedOut: "You have been signed out.",
    tooManyAttempts: "Too many failed sign-in attempts. Try again in 15 minutes.",
  },
});
