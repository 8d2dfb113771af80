// The sign-in accounts the demo seed creates; printed by `npm start` and listed in the README.
export const DEMO_PASSWORD = "demo-password";
export const DEMO_ACCOUNTS = [
  { email: "admin@demo.test", name: "مدير النظام", role: "admin" },
  { email: "support@demo.test", name: "فريق الدعم", role: "support" },
  { email: "qa@demo.test", name: "فريق الجودة", role: "qa" },
  { email: "customer@demo.test", name: "أحمد العتيبي", role: "customer" },
  { email: "vendor@demo.test", name: "متجر التقنية", role: "vendor" },
] as const;
