import type { uiZh } from './ui.zh-CN';

export const uiEn: Record<keyof typeof uiZh, string> = {
  'overdue.title': '{name}: overdue visits',
  'overdue.table': 'Households overdue for a visit',
  'overdue.daysOverdue': 'Days overdue',
  'overdue.days': '{n} d',
  'overdue.dueAt': 'Due',
  'overdue.lastVisit': 'Last visit',
  'overdue.never': 'Never visited',
  'overdue.representative': 'Representative',
  'overdue.noRepresentative': 'Not linked',
  'overdue.none': 'No household is overdue for a visit',
  'overdue.total': '{n} households',
  'unit.chooseFirst': 'Choose the unit to look at first',
  'users.disableConfirm': 'Disable the account “{name}”? It cannot log in until enabled again.',
  'matters.household': 'Household',
  'matters.openHousehold': "Open the household's record",
  'matters.householdLinked': 'Linked to a registered household',
  'table.scrollCue': 'The table is wide: swipe sideways for more columns',
};
