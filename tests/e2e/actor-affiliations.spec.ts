// Actors ▸ Affiliations: an organization created from the field is attached at once, with its role
// field; a partial name of one already attached is not created as a new actor.
import { test, expect } from './fixtures';

interface Actor {
  id: number;
  name: string;
  kind: string;
  affiliations: { organizationName: string; role: string | null }[];
}

test('create an organization from Affiliations, give the role, save; a partial attached name creates nothing', async ({ page, app }) => {
  await app.call('actors.create', { name: 'Kim Jung Han', kind: 'person' });
  await page.goto(app.url);
  await page.getByTestId('nav-actors').click();
  await page.getByTestId('actor-item').filter({ hasText: 'Kim Jung Han' }).click();

  const field = page.getByTestId('affiliation-input');
  await field.fill('South Korean Foreign Ministry');
  // The keyboard goes on to the role at once: typed straight after Enter, no letter is lost.
  await field.press('Enter');
  await page.keyboard.type('Director-General');
  const row = page.getByTestId('affiliation');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('South Korean Foreign Ministry');
  await expect(row.getByRole('textbox', { name: 'Role' })).toHaveValue('Director-General');
  await page.getByTestId('actor-save').click();
  await expect(page.getByTestId('toast-success').last()).toContainText('Saved Kim Jung Han');

  let actors = await app.call<Actor[]>('actors.list', {});
  expect(actors.find((a) => a.name === 'Kim Jung Han')!.affiliations).toMatchObject([{ organizationName: 'South Korean Foreign Ministry', role: 'Director-General' }]);
  expect(actors.find((a) => a.name === 'South Korean Foreign Ministry')!.kind).toBe('organization');

  // Enter on part of the attached organization's name: nothing new, and the field says why.
  await field.fill('South Korean Fo');
  await expect(page.getByTestId('typeahead-taken')).toContainText('South Korean Foreign Ministry is already here');
  await field.press('Enter');
  await expect(row).toHaveCount(1);
  actors = await app.call<Actor[]>('actors.list', {});
  expect(actors.map((a) => a.name).sort()).toEqual(['Kim Jung Han', 'South Korean Foreign Ministry']);
});
