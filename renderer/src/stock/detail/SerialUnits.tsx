import { useTranslation } from 'react-i18next';
import { maskName } from '../../../../shared/customers/snapshot';
import type { SerialUnitView } from '../../../../shared/stock/schemas';
import { hallTime } from '../format';

/** Every unit of a serial-numbered item: where it is and, when a customer has it, who (masked). */
export function SerialUnits({ units }: { units: SerialUnitView[] }) {
  const { t } = useTranslation();
  return (
    <section className="detail__section" aria-labelledby="serial-units-heading">
      <h3 id="serial-units-heading" className="detail__subheading">
        {t('stock.detail.units', { count: units.length })}
      </h3>
      {units.length === 0 ? (
        <p className="detail__none">{t('stock.detail.noUnits')}</p>
      ) : (
        <table className="detail__table detail__table--units" data-testid="serial-units">
          <thead>
            <tr>
              <th scope="col">{t('stock.detail.serial')}</th>
              <th scope="col">{t('stock.detail.state')}</th>
              <th scope="col">{t('stock.detail.holder')}</th>
              <th scope="col">{t('stock.detail.since')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.serial} className={unit.holder ? 'detail__held' : undefined}>
                <td className="detail__code">{unit.serial}</td>
                <td>{t(`stock.serialState.${unit.state}`)}</td>
                <td>{unit.holder ? `${maskName(unit.holder.name)} ${unit.holder.phoneMasked}` : '—'}</td>
                <td className="detail__time">{hallTime(unit.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
