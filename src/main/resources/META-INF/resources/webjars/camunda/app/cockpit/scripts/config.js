// HB Flow: overrides the webapp's own scripts/config.js (same classpath path, the application's copy wins).
// The browser's language if it is Finnish, Swedish or English; Finnish for any other.
export default {
  // the HB dashboard (HB-mittaristo): its page, navigation link and dashboard tile (scripts/hb-dashboard.js)
  customScripts: ['scripts/hb-dashboard.js'],
  locales: {
    availableLocales: ['fi', 'sv', 'en'],
    fallbackLocale: 'fi'
  }
};
