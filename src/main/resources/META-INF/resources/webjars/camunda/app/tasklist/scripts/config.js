// HB Flow: overrides the webapp's own scripts/config.js (same classpath path, the application's copy wins).
// Finnish for a Finnish browser, and for any browser whose language the webapps do not have.
export default {
  locales: {
    availableLocales: ['fi', 'en'],
    fallbackLocale: 'fi'
  },
  // the vendor's keyboard shortcuts, kept (descriptions in Finnish: Tasklist shows them in its help dialog)
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'ottaa valitun tehtävän itselle'},
    focusFilter: {key: 'ctrl+shift+f', description: 'siirtää kohdistuksen ensimmäiseen suodattimeen'},
    focusList: {key: 'ctrl+alt+l', description: 'siirtää kohdistuksen tehtävälistan ensimmäiseen tehtävään'},
    focusForm: {key: 'ctrl+alt+f', description: 'siirtää kohdistuksen lomakkeen ensimmäiseen kenttään'},
    startProcess: {key: 'ctrl+alt+p', description: 'avaa prosessin käynnistysikkunan'}
  }
};
