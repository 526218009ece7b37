/**
 * The article's wording and notation slips, as data beside its printed numbers
 * (article-values.ts): each entry quotes the article word for word (the unit
 * test finds every quote in ../shared/seed), says where it stands, and gives
 * the correction with its source. Quotes are kept short: a few words to find
 * the place, never a passage.
 */
export interface WordingErratum {
  id: string;
  /** the article's section where the quote stands */
  location: string;
  /** the article's words, verbatim (non-breaking spaces read as spaces) */
  quote: string;
  /** what is wrong, in our words; math as $…$ (typeset by the table) */
  issue: string;
  /** what is right, in our words; math as $…$ */
  correction: string;
  /** where the correction comes from */
  source: string;
}

export const articleWordingErrata: readonly WordingErratum[] = [
  {
    id: "pt-defined-as-loss",
    location: "Cross-Entropy Loss",
    quote: "pt = {-ln(p)",
    issue: "$p_t$ is defined as $-\\ln p$ and $-\\ln(1 - p)$, which are the losses.",
    correction:
      "$p_t$ is the probability of the true class: $p$ when $y = 1$ and $1 - p$ when $y = 0$. The loss is $-\\ln p_t$.",
    source: "Lin et al. 2017, §3, Eq. 2",
  },
  {
    id: "easy-negatives-high-probability",
    location: "Why Focal Loss Needed?",
    quote: "easy negatives (detections with high probabilities)",
    issue: "Easy negatives are described as detections with high probabilities.",
    correction:
      "An easy negative is a background anchor the model scores with a low foreground probability p, that is a high $p_t = 1 - p$.",
    source: "Lin et al. 2017, §2 (Class Imbalance) and §3, Eq. 2",
  },
  {
    id: "more-weight-to-hard",
    location: "What is Focal Loss?",
    quote: "by assigning more weights to hard or easily misclassified examples",
    issue: "Focal loss is said to give hard examples more weight.",
    correction:
      "Focal loss never raises an example's loss: $\\alpha_t \\le 1$ and $(1 - p_t)^\\gamma \\le 1$, so FL ≤ CE. It scales easy examples down far more than hard ones, so the hard ones' share of the total rises.",
    source: "Lin et al. 2017, Figure 1 caption (“reduces the relative loss for well-classified examples”) and §3.2",
  },
  {
    id: "large-weight-to-misclassified",
    location: "Final Thoughts",
    quote: "assigns large weight to misclassified or hard classified records",
    issue: "The same claim again: misclassified examples are said to get a large weight.",
    correction:
      "Their loss is scaled down too, if far less (the paper: “by at most 4×” for $p_t \\le .5$ and $\\gamma = 2$); what grows is their weight relative to the easy examples.",
    source: "Lin et al. 2017, §3.2",
  },
  {
    id: "released-2018",
    location: "Introduction",
    quote: "FAIR has released a paper in 2018",
    issue: "The paper is dated 2018.",
    correction: "The paper appeared on arXiv (1708.02002) in August 2017 and at ICCV 2017.",
    source: "arXiv:1708.02002; ICCV 2017 proceedings",
  },
  {
    id: "ln-ln",
    location: "Balanced Cross-Entropy",
    quote: "-∝tln ln( pt )",
    issue: "The logarithm is written twice.",
    correction: "One logarithm: $\\mathrm{CE}_\\alpha(p_t) = -\\alpha_t \\ln p_t$.",
    source: "Lin et al. 2017, §3.1, Eq. 3",
  },
  {
    id: "log-log",
    location: "Focal loss explanation",
    quote: "log log(pt)",
    issue: "The logarithm is written twice.",
    correction: "One logarithm: $\\mathrm{FL}(p_t) = -\\alpha_t (1 - p_t)^\\gamma \\ln p_t$.",
    source: "Lin et al. 2017, §3.2, Eq. 5",
  },
  {
    id: "proportional-sign-for-alpha",
    location: "Balanced Cross-Entropy",
    quote: "weighting factor ∝∈[0,1]",
    issue: "The weight is written with ∝, the proportional-to sign, and its complement as “1-” without the α.",
    correction: "The weight is the Greek letter α ∈ [0, 1] for class 1 and 1 − α for the other class.",
    source: "Lin et al. 2017, §3.1",
  },
  {
    id: "class-minus-one",
    location: "Balanced Cross-Entropy",
    quote: "for class -1",
    issue: "The background is called class −1, but the article labels the classes Y ∈ {0, 1}.",
    correction: "With labels in {0, 1} the background is class 0 (the paper writes y ∈ {±1}, hence its −1).",
    source: "Lin et al. 2017, §3 (y ∈ {±1}); the article's own “Y ∈ {0,1}”",
  },
  {
    id: "very-easy-background-misclassified",
    location: "Cross-Entropy vs Focal Loss › Very easily classified records",
    quote: "background object misclassified with predicted probability p=0.01",
    issue: "A background box scored p = 0.01 is called misclassified.",
    correction:
      "It is correctly and confidently classified: its $p_t$ is $1 - 0.01$, close to 1, as the heading “very easily classified” says.",
    source: "Lin et al. 2017, §3, Eq. 2",
  },
];
