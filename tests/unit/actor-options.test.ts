// One ranking finds actors in every typeahead, the briefing's @-mention menu and the actor filter.
import { describe, expect, it } from 'vitest';
import { actorOptions, foldName, isExactly, nameRank, rankOptions } from '../../renderer/views/options';
import type { Actor } from '../../shared/model';

const actor = (id: number, name: string, aliases: string[] = []): Actor => ({ id, name, aliases, kind: 'person', affiliations: [], color: '#336699', notes: null, annotationCount: 0 });

const codebook = actorOptions([
  actor(1, 'Kim Jung Han', ['김정한', 'Director-General Kim']),
  actor(2, 'José Martí'),
  actor(3, 'Slavoj Žižek'),
  actor(4, 'Kimberly Ross'),
  actor(5, 'Takizaki Shigeki', ['滝崎成樹']),
  actor(6, 'Ana Kim'),
]);
const labels = (q: string) => rankOptions(codebook, q, 8).map((o) => o.label);

describe('finding actors by what the analyst types', () => {
  it('puts the exact name first, then names that start with the query, then names that hold it', () => {
    expect(labels('kim')).toEqual(['Kim Jung Han', 'Kimberly Ross', 'Ana Kim']);
    expect(labels('ana kim')).toEqual(['Ana Kim']);
  });

  it('finds an actor by an alias, in any script', () => {
    expect(labels('김정')).toEqual(['Kim Jung Han']);
    expect(labels('滝崎')).toEqual(['Takizaki Shigeki']);
    expect(labels('director')).toEqual(['Kim Jung Han']);
  });

  it('ignores case, Latin accents and full-width letters, but not the marks of other scripts', () => {
    expect(labels('jose')).toEqual(['José Martí']);
    expect(labels('ZIZEK')).toEqual(['Slavoj Žižek']);
    expect(labels('ｋｉｍｂｅｒｌｙ')).toEqual(['Kimberly Ross']);
    expect(foldName('が')).toBe('が');
    expect(foldName('José')).toBe('jose');
  });

  it('lists the first entries for an empty query and nothing for a query nobody matches', () => {
    expect(rankOptions(codebook, '  ', 2)).toHaveLength(2);
    expect(labels('nobody')).toEqual([]);
  });

  it('says when the query is already an actor or alias, so nothing new is offered for creation', () => {
    const kim = codebook[0]!;
    expect(isExactly(kim, ' director-general KIM ')).toBe(true);
    expect(isExactly(kim, 'Director')).toBe(false);
    expect(nameRank(['Kim Jung Han'], 'jung')).toBe(2);
    expect(nameRank(['Kim Jung Han'], 'lee')).toBe(-1);
  });
});
