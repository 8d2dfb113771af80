import type { Config } from "tailwindcss";

// Loaded from app/globals.css with @config. Colours are named by role, not by hue,
// so dark mode and the badge colours of COL-4/COL-5 are changed in one place.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}"],
  darkMode: "class",
  theme: {
    extend: {
      fontFamily: {
        sans: ["'Noto Sans Arabic'", "'Noto Sans'", "system-ui", "sans-serif"],
      },
    },
  },
};

export default config;
