// HB Flow: overrides the webapp's own scripts/config.js (same classpath path, the application's copy wins).
// The browser's language if it is Finnish, Swedish or English; Finnish for any other.
export default {
  locales: {
    availableLocales: ['fi', 'sv', 'en'],
    fallbackLocale: 'fi'
  },
  // Finnish messages for the browser-side checks of Camunda Forms (scripts/hb-form-messages.js)
  customScripts: ['scripts/hb-form-messages.js'],
  // the vendor's keyboard shortcuts, kept (descriptions in Finnish: Tasklist shows them in its help dialog)
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'ottaa valitun tehtävän itselle'},
    focusFilter: {key: 'ctrl+shift+f', description: 'siirtää kohdistuksen ensimmäiseen suodattimeen'},
    focusList: {key: 'ctrl+alt+l', description: 'siirtää kohdistuksen tehtävälistan ensimmäiseen tehtävään'},
    focusForm: {key: 'ctrl+alt+f', description: 'siirtää kohdistuksen lomakkeen ensimmäiseen kenttään'},
    startProcess: {key: 'ctrl+alt+p', description: 'avaa prosessin käynnistysikkunan'}
  }
};
