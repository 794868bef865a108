import { useTranslation } from 'react-i18next';
import type { CustomerCard as Card } from '../../../shared/customers/contract';
import { formatYuan } from '../../../shared/money/fen';
import { broadbandText, contractText, formatPoints, planText, tenureText } from './customerFacts';

interface CustomerCardProps {
  customer: Card;
  onClear: () => void;
}

/**
 * Who is at the counter: masked phone and ID, name, brand, plan, tenure, points with the
 * nearest expiry, the retention light, broadband and contract. Full numbers never show here.
 */
export function CustomerCard({ customer, onClear }: CustomerCardProps) {
  const { t, i18n } = useTranslation();
  const premium = customer.brand === 'premium';
  const expiry = customer.points.nearestExpiry;
  const light = customer.retentionLight;

  return (
    <section className="customer-card" aria-label={t('customer.card.label')} data-testid="customer-card" data-customer-id={customer.customerId}>
      <header className="customer-card__head">
        <div className="customer-card__who">
          <span className="customer-card__name" data-testid="customer-name">
            {customer.name}
          </span>
          <span className={`pill ${premium ? 'pill--premium' : 'pill--plain'}`} data-testid="customer-brand">
            {t(premium ? 'customer.card.premium' : 'customer.card.standard')}
          </span>
          {customer.kind === 'new' && <span className="pill pill--new">{t('customer.card.new')}</span>}
          {customer.churned && (
            <span className="pill pill--danger" data-testid="customer-churned">
              {t('customer.card.churned')}
            </span>
          )}
        </div>
        <button type="button" className="button button--compact" onClick={onClear} data-testid="customer-clear">
          {t('customer.card.clear')}
        </button>
      </header>
      <p className="customer-card__numbers">
        <span className="customer-card__phone" data-testid="customer-phone">
          {customer.phoneMasked}
        </span>
        <span className="customer-card__id">{t('customer.card.idLast4', { idLast4: customer.idLast4 })}</span>
      </p>
      <dl className="customer-card__facts">
        <dt>{t('customer.card.plan')}</dt>
        <dd data-testid="customer-plan">{planText(customer, i18n.language, t)}</dd>
        <dt>{t('customer.card.tenure')}</dt>
        <dd data-testid="customer-tenure">{tenureText(customer, t)}</dd>
        <dt>{t('customer.card.usage')}</dt>
        <dd>{t('customer.card.usageValue', { arpu: formatYuan(customer.arpuFen), minutes: customer.monthlyMinutes })}</dd>
        <dt>{t('customer.card.points')}</dt>
        <dd data-testid="customer-points">
          <strong className="customer-card__points">{formatPoints(customer.points.available)}</strong>
          {expiry && (
            <span className="customer-card__expiry" data-testid="customer-points-expiry">
              {t('customer.card.expiry', { points: formatPoints(expiry.points), on: expiry.on })}
            </span>
          )}
          {customer.points.pendingDebits > 0 && (
            <span className="customer-card__pending">{t('customer.card.pendingDebits', { points: formatPoints(customer.points.pendingDebits) })}</span>
          )}
        </dd>
        <dt>{t('customer.card.light')}</dt>
        <dd>
          {light ? (
            <span className={`light light--${light}`} data-testid="customer-light">
              <span className="light__dot" aria-hidden="true" />
              {t(`customer.card.lights.${light}`)}
            </span>
          ) : (
            <span className="customer-card__muted">{t('customer.card.noLight')}</span>
          )}
        </dd>
        <dt>{t('customer.card.broadband')}</dt>
        <dd data-testid="customer-broadband">{broadbandText(customer, t)}</dd>
        <dt>{t('customer.card.contractLabel')}</dt>
        <dd data-testid="customer-contract">{contractText(customer, t)}</dd>
      </dl>
    </section>
  );
}
