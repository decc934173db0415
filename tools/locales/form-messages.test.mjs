// node --test tools/locales/ : the Finnish messages of the Tasklist script hb-form-messages.js
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {finnishFormMessage} from '../../src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/hb-form-messages.js';

test('form-js messages become Finnish, with their numbers', () => {
  assert.equal(finnishFormMessage('Field is required.'), 'Pakollinen tieto.');
  assert.equal(finnishFormMessage('Field must have minimum length of 10.'), 'Kirjoita vähintään 10 merkkiä.');
  assert.equal(finnishFormMessage('Field must have maximum value of 744.'), 'Suurin sallittu arvo on 744.');
  assert.equal(finnishFormMessage('Field must match pattern ^\\d{6}[-+A]\\d{3}[0-9A-Y]$.'),
      'Tieto ei ole pyydetyssä muodossa: katso kentän ohje.');
  assert.equal(finnishFormMessage('Value is expected to have at most 2 decimal digits.'), 'Enintään 2 desimaalia.');
  assert.equal(finnishFormMessage('Field must be a valid  international phone number. (e.g. +4930664040900)'),
      'Anna puhelinnumero kansainvälisessä muodossa, esim. +358401234567.');
});

test('other texts are left alone (our own Finnish server messages among them)', () => {
  assert.equal(finnishFormMessage('Henkilötunnuksen tarkiste ei täsmää.'), null);
  assert.equal(finnishFormMessage('Pakollinen tieto.'), null);
});
