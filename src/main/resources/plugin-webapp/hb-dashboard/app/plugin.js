// HB Flow: Cockpit loads app/plugin.js of every server-side plugin. The HB dashboard's page is the custom script
// app/cockpit/scripts/hb-dashboard.js (see app/cockpit/scripts/config.js); nothing to register here.
export default [];
