/*
 * Quorum's Tasklist configuration. It replaces Camunda's default config.js of the same path (the application's
 * own resources come first on the classpath), so it keeps the defaults Quorum relies on: the keyboard shortcuts.
 */
export default {
  // The page title and the header read "Quorum Tasklist" (vendor, then name).
  app: {
    name: 'Tasklist',
    vendor: 'Quorum'
  },
  // Loaded as ES modules from this application's folder (app/tasklist/quorum/audit-record.js).
  customScripts: ['quorum/audit-record'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
