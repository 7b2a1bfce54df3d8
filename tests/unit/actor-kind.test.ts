import { describe, expect, it } from 'vitest';
import { guessActorKind } from '../../shared/actor-kind';

describe('guessing a new actor’s kind from the name', () => {
  it('files institutions as organizations and countries as states', () => {
    expect(guessActorKind('Government of Japan')).toBe('organization');
    expect(guessActorKind('Japanese Foreign Ministry')).toBe('organization');
    expect(guessActorKind('Nippon Steel Corp.')).toBe('organization');
    expect(guessActorKind('KCTU')).toBe('organization');
    expect(guessActorKind('South Korea')).toBe('state');
    expect(guessActorKind('Republic of Korea')).toBe('state');
  });

  it('leaves people as people', () => {
    for (const name of ['Kim Jung Han', 'Shigeki Takizaki', 'Moon Jae In', 'Kim Jong Un', 'Lee Do Hoon']) expect(guessActorKind(name)).toBe('person');
  });
});
