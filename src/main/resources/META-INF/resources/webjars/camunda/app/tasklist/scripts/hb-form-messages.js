// HB Flow: the browser-side checks of Camunda Forms (form-js 1.8 inside the 7.24 Tasklist) speak English and have
// no translation hook. This Tasklist custom script (registered in config.js) rewrites their messages in Finnish
// where form-js shows them (.fjs-form-field-error li), and the placeholder of an empty select. The server checks the same rules again and answers in Finnish.

/** English form-js message → Finnish; `null` when the text is not a form-js message (left as it is). */
export function finnishFormMessage(text) {
  const rules = [
    [/^Field is required\.$/, () => 'Pakollinen tieto.'],
    [/^Field must match pattern .*\.$/s, () => 'Tieto ei ole pyydetyssä muodossa: katso kentän ohje.'],
    [/^Field must have minimum value of (.+)\.$/, (m) => `Pienin sallittu arvo on ${m[1]}.`],
    [/^Field must have maximum value of (.+)\.$/, (m) => `Suurin sallittu arvo on ${m[1]}.`],
    [/^Field must have minimum length of (\d+)\.$/, (m) => `Kirjoita vähintään ${m[1]} merkkiä.`],
    [/^Field must have maximum length of (\d+)\.$/, (m) => `Enintään ${m[1]} merkkiä.`],
    [/^Field must be a valid\s+international phone number\..*$/s,
      () => 'Anna puhelinnumero kansainvälisessä muodossa, esim. +358401234567.'],
    [/^Field must be a valid email\.$/, () => 'Anna sähköpostiosoite muodossa nimi@esimerkki.fi.'],
    [/^Value is not a number\.$/, () => 'Anna luku.'],
    [/^Value is expected to be an integer\.$/, () => 'Anna kokonaisluku.'],
    [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `Enintään ${m[1]} desimaalia.`],
    [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
      (m) => `Valitse sallittu arvo; lähimmät ovat ${m[1]} ja ${m[2]}.`]
  ];
  for (const [pattern, finnish] of rules) {
    const match = pattern.exec(text.trim());
    if (match) {
      return finnish(match);
    }
  }
  return null;
}

/**
 * Rewrites the text nodes themselves (not the list items): form-js (Preact) keeps references to its text nodes and
 * updates their data when the message changes, which this observer then sees again.
 */
function translateWithin(root) {
  if (!root.querySelectorAll) {
    return;
  }
  // an empty select shows form-js' placeholder "Select"
  for (const node of textNodes(within(root, '.fjs-select-display.fjs-select-placeholder'))) {
    if (node.data === 'Select') {
      node.data = 'Valitse';
    }
  }
  for (const node of textNodes(within(root, '.fjs-form-field-error li'))) {
    const finnish = finnishFormMessage(node.data);
    if (finnish !== null) {
      node.data = finnish;
    }
  }
}

/** The root itself when it matches, and its descendants that match. */
function within(root, selector) {
  const found = [...root.querySelectorAll(selector)];
  return root.matches && root.matches(selector) ? [root, ...found] : found;
}

function* textNodes(elements) {
  for (const element of elements) {
    for (const node of element.childNodes) {
      if (node.nodeType === 3) {
        yield node;
      }
    }
  }
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  new MutationObserver((changes) => {
    for (const change of changes) {
      const element = change.target.nodeType === 1 ? change.target : change.target.parentElement;
      const errors = element && element.closest
          ? element.closest('.fjs-form-field-error, .fjs-select-display') : null;
      if (errors) {
        translateWithin(errors);
      } else {
        change.addedNodes.forEach(translateWithin);
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
