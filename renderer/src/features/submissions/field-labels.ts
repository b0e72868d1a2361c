// A route field's path in the record ("perpetrators.stateActors") to the catalogue key of the label
// the editor shows for it, so the requirements panel names a missing field as the form does.
const SPECIAL: Readonly<Record<string, string>> = {
  'perpetrators.companyIds': 'perpetratorCompanyIds',
  'enterprises.companyIds': 'enterpriseCompanyIds',
};

export function fieldLabelKey(path: string, route?: string): string {
  if (path === 'kind') return route === 'oversightBoard' ? 'fields.boardKind' : 'fields.spKind';
  const name = SPECIAL[path] ?? path.split('.').pop() ?? path;
  return `fields.${name}`;
}
