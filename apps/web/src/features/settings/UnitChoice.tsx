import { levelOfCode, type UnitLevel } from '@jiceng/shared/units';
import { Flex } from 'antd';
import { UnitPicker } from '../org/UnitPicker';

/** A labelled unit picker on its own line: the label names the combobox for screen readers. */
export function UnitChoice(props: { id: string; label: string; levels: UnitLevel[]; value?: string; onChange: (code: string | undefined) => void }) {
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16, maxWidth: 480 }}>
      <label htmlFor={props.id}>{props.label}</label>
      <UnitPicker id={props.id} levels={props.levels} value={props.value} onChange={props.onChange} style={{ width: '100%', minWidth: 0 }} />
    </Flex>
  );
}

/** The actor's own unit when it is one of `levels` (a village cadre starts at the village). */
export function ownUnitIf(unitCode: string | null, levels: UnitLevel[]): string | undefined {
  const level = unitCode ? levelOfCode(unitCode) : null;
  return unitCode && level && levels.includes(level) ? unitCode : undefined;
}
