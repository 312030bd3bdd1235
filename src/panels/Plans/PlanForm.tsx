import { useState } from 'react';
import { useT } from '../../ui/i18n';
import type { PlanEdits, PlanKnobs } from './planKnobs';

interface Props {
  knobs: PlanKnobs;
  /** Saves the edits as a new plan (and previews it). */
  onSave(edits: PlanEdits): void;
  onCancel(): void;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(v)));

/**
 * The few numbers planners change, for a plan to be saved as a new one: a terminal's truck pool
 * and quay cranes per ship; a factory's line balance and AGV delivery policy.
 */
export function PlanForm({ knobs, onSave, onCancel }: Props) {
  const t = useT();
  const [trucks, setTrucks] = useState(knobs.kind === 'terminal' ? knobs.trucks.value : 0);
  const [cranes, setCranes] = useState<Record<string, number>>(
    knobs.kind === 'terminal'
      ? Object.fromEntries(knobs.cranes.map((c) => [c.vesselId, c.value]))
      : {},
  );
  const [balance, setBalance] = useState<string[]>([]);
  const [delivery, setDelivery] = useState(
    knobs.kind === 'factory' ? knobs.delivery : { triggerBundles: 0, bundlesPerTrip: 0 },
  );
  const save = () => {
    if (knobs.kind === 'terminal') {
      const changed = knobs.cranes.filter((c) => cranes[c.vesselId] !== c.value);
      onSave({
        trucks: trucks !== knobs.trucks.value ? trucks : undefined,
        cranes:
          changed.length > 0
            ? Object.fromEntries(changed.map((c) => [c.vesselId, cranes[c.vesselId] ?? c.value]))
            : undefined,
      });
    } else {
      const same =
        delivery.triggerBundles === knobs.delivery.triggerBundles &&
        delivery.bundlesPerTrip === knobs.delivery.bundlesPerTrip;
      onSave({ balance, delivery: same ? undefined : delivery });
    }
  };
  return (
    <form
      className="plan-form"
      data-testid="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {knobs.kind === 'terminal' && (
        <>
          <label>
            {t('plans.form.trucks', { min: knobs.trucks.min, max: knobs.trucks.max })}
            <input
              type="number"
              name="trucks"
              min={knobs.trucks.min}
              max={knobs.trucks.max}
              value={trucks}
              onChange={(e) =>
                setTrucks(clamp(Number(e.target.value), knobs.trucks.min, knobs.trucks.max))
              }
            />
          </label>
          {knobs.cranes.map((c) => (
            <label key={c.vesselId}>
              {t('plans.form.cranes', { vessel: c.vesselId, max: c.max })}
              <input
                type="number"
                name={`cranes-${c.vesselId}`}
                min={1}
                max={c.max}
                value={cranes[c.vesselId] ?? c.value}
                onChange={(e) =>
                  setCranes({ ...cranes, [c.vesselId]: clamp(Number(e.target.value), 1, c.max) })
                }
              />
            </label>
          ))}
        </>
      )}
      {knobs.kind === 'factory' && (
        <>
          <fieldset>
            <legend>{t('plans.form.balance')}</legend>
            {knobs.lines.map((line) => (
              <label key={line} className="inline">
                <input
                  type="checkbox"
                  name={`balance-${line}`}
                  checked={balance.includes(line)}
                  onChange={(e) =>
                    setBalance(
                      e.target.checked ? [...balance, line] : balance.filter((l) => l !== line),
                    )
                  }
                />{' '}
                {line}
              </label>
            ))}
          </fieldset>
          <label>
            {t('plans.form.trigger')}
            <input
              type="number"
              name="triggerBundles"
              min={0}
              max={20}
              value={delivery.triggerBundles}
              onChange={(e) =>
                setDelivery({ ...delivery, triggerBundles: clamp(Number(e.target.value), 0, 20) })
              }
            />
          </label>
          <label>
            {t('plans.form.perTrip')}
            <input
              type="number"
              name="bundlesPerTrip"
              min={1}
              max={10}
              value={delivery.bundlesPerTrip}
              onChange={(e) =>
                setDelivery({ ...delivery, bundlesPerTrip: clamp(Number(e.target.value), 1, 10) })
              }
            />
          </label>
        </>
      )}
      <div className="plan-form-buttons">
        <button type="submit" data-testid="plan-form-save" title={t('plans.form.saveTip')}>
          {t('plans.form.save')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('plans.form.cancel')}
        </button>
      </div>
    </form>
  );
}
