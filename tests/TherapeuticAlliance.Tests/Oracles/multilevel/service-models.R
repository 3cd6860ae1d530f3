# Expected values for the service view (issue 30): the profile-likelihood interval of a factor's share of the
# variance (intraclass correlation) in random-intercept models, from lme4's own criterion, and the benchmark
# figures of the caseload by their published definitions. R 4.2.2, lme4 1.1-31 (Debian packages).
#   Rscript service-models.R     (from this folder; writes service-expected.csv)
# The share of factor j is theta_j^2 / (1 + sum theta_k^2); its profile holds the share and optimises the other
# thetas (optimize), and the bounds are the shares where the profiled criterion rises by qchisq(0.95, 1) (uniroot).
suppressMessages(library(lme4))
episodes <- read.csv("episodes.csv", stringsAsFactors = TRUE)
sessions <- read.csv("sessions.csv", stringsAsFactors = TRUE)
out <- list()
add <- function(model, name, value) out[[length(out) + 1]] <<- data.frame(model = model, name = name, value = sprintf("%.17g", value))
ctl <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 2e-4, rhoend = 2e-10, maxfun = 1e5))
share_interval <- function(key, formula, data, level = 0.95) {
  fit <- lmer(formula, data, REML = TRUE, control = ctl)
  dev <- lmer(formula, data, REML = TRUE, devFunOnly = TRUE)
  theta <- getME(fit, "theta")
  best <- dev(theta)
  crit <- best + qchisq(level, 1)
  vc <- as.data.frame(VarCorr(fit))
  total <- sum(vc$vcov)
  for (j in seq_along(theta)) {
    group <- sub("\\.\\(Intercept\\)$", "", names(theta)[j])
    profiled <- function(s) {
      f <- function(others) {
        t <- theta; t[-j] <- abs(others)
        t[j] <- sqrt(s * (1 + sum(t[-j]^2)) / (1 - s))
        dev(t)
      }
      if (length(theta) == 1) return(f(numeric(0)))
      optimize(f, c(0, 10 * max(theta[-j], 0.1) + 1), tol = 1e-12)$objective
    }
    est <- vc$vcov[vc$grp == group] / total
    top <- 1 - 1e-9
    lower <- if (profiled(0) <= crit) 0 else uniroot(function(s) profiled(s) - crit, c(0, est), tol = 1e-13)$root
    upper <- if (profiled(top) <= crit) 1 else uniroot(function(s) profiled(s) - crit, c(est, top), tol = 1e-13)$root
    add(key, sprintf("icc[%s]", group), est)
    add(key, sprintf("icc_low[%s]", group), lower)
    add(key, sprintf("icc_high[%s]", group), upper)
  }
  for (i in seq_len(nrow(vc))) add(key, if (vc$grp[i] == "Residual") "sigma2" else sprintf("var[%s]", vc$grp[i]), vc$vcov[i])
}
share_interval("s1_therapist_outcome", post ~ pre + (1 | therapist), episodes)
share_interval("s2_site_therapist_outcome", post ~ pre + (1 | site) + (1 | therapist), episodes)
share_interval("s3_therapist_alliance", alliance ~ 1 + (1 | therapist), episodes)
# Pre-post effect size (standardised mean change with the intake SD; Becker 1988's large-sample variance
# 2(1 - r)/n + d^2/(2n)), and Jacobson-Truax categories with the ORS's cutoff 25 and reliable change of 5 points
# (higher is better; a change of exactly 5 is reliable, compared with a tolerance of 1e-9 for binary rounding). Recovery: below 25 at intake, 25 or more at the end.
change <- episodes$post - episodes$pre
n <- nrow(episodes)
d <- mean(change) / sd(episodes$pre)
r <- cor(episodes$pre, episodes$post)
se <- sqrt(2 * (1 - r) / n + d^2 / (2 * n))
add("b1_caseload", "n", n)
add("b1_caseload", "effect_size", d)
add("b1_caseload", "effect_size_low", d - qnorm(0.975) * se)
add("b1_caseload", "effect_size_high", d + qnorm(0.975) * se)
improved <- change >= 5 - 1e-9
deteriorated <- change <= -5 + 1e-9
case <- episodes$pre < 25
recovered <- case & episodes$post >= 25
add("b1_caseload", "reliable_improvement", mean(improved))
add("b1_caseload", "reliable_deterioration", mean(deteriorated))
add("b1_caseload", "recovery", sum(recovered) / sum(case))
add("b1_caseload", "reliable_recovery", sum(recovered & improved) / sum(case))
add("b1_caseload", "alliance_mean", mean(episodes$alliance))
# Severity-adjusted effect size (ACORN's method): each episode's residual change from the caseload's regression of
# change on intake, averaged per therapist, plus the caseload's mean change, over the caseload's intake SD.
res <- residuals(lm(change ~ pre, episodes))
for (t in c("T0101", "T0302")) {
  rows <- episodes$therapist == t
  add("b1_caseload", sprintf("saes[%s]", t), (mean(res[rows]) + mean(change)) / sd(episodes$pre))
  add("b1_caseload", sprintf("effect_size[%s]", t), mean(change[rows]) / sd(episodes$pre[rows]))
}
write.csv(do.call(rbind, out), "service-expected.csv", row.names = FALSE, quote = FALSE)
