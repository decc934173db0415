// HB Flow: the browser-side checks of Camunda Forms (form-js 1.8 inside the 7.24 Tasklist) speak English and have
// no translation hook. This Tasklist custom script (registered in config.js) rewrites their messages in Finnish
// where form-js shows them (.fjs-form-field-error li). The server checks the same rules again and answers in Finnish.

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

function translateWithin(root) {
  if (!root.querySelectorAll) {
    return;
  }
  for (const item of root.querySelectorAll('.fjs-form-field-error li')) {
    const finnish = finnishFormMessage(item.textContent);
    if (finnish !== null) {
      item.textContent = finnish;
    }
  }
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  new MutationObserver((changes) => {
    for (const change of changes) {
      const target = change.target.nodeType === 1 ? change.target : change.target.parentElement;
      if (target && target.closest && target.closest('.fjs-form-field-error')) {
        translateWithin(target.closest('.fjs-form-field-error'));
      } else {
        change.addedNodes.forEach(translateWithin);
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
