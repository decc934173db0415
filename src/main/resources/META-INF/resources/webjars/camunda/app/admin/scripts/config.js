// HB Flow: overrides the webapp's own scripts/config.js (same classpath path, the application's copy wins).
// Finnish for a Finnish browser, and for any browser whose language the webapps do not have.
export default {
  locales: {
    availableLocales: ['fi', 'en'],
    fallbackLocale: 'fi'
  }
};
