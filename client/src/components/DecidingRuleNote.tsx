// The rule that decided a planning verdict and the server's plain-language explanation of it, in the
// UI language, on the page (issue 13: it was only in a tooltip), with the sites it applies to.
import { useTranslation } from 'react-i18next';
import type { ReviewResult } from '../lib/planning-api.js';

export /** The deciding rule and the server's plain-language explanation, in the UI language. */
function DecidingRuleNote({ review, lang }: { review: ReviewResult; lang: string }) {
  const { t } = useTranslation();
  const rule = review.decidingRule;
  const l = lang === 'ru' ? 'ru' : 'en';
  const names = rule.siteIds
    .map((id) => review.citedSites.find((s) => s.id === id)?.name)
    .filter((n): n is string => Boolean(n));
  return (
    <>
      <p data-testid="planning-rule" data-rule={rule.id}>
        <strong>{t('planningExplain.rule')}</strong> {rule.text[l]}
        {names.length > 0 && <span className="muted"> ({names.join(', ')})</span>}
      </p>
      <p data-testid="planning-why">{rule.explanation[l]}</p>
      {rule.policyChoice && <p className="muted small">{t('reviews.policyChoice')}</p>}
      {review.citedZonesOmitted > 0 && (
        <p className="muted small">{t('reviews.zonesOmitted', { n: review.citedZonesOmitted })}</p>
      )}
    </>
  );
}
