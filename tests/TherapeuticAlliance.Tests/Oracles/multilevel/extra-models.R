# Expected values for models the shared oracle does not cover (issue 29): a categorical predictor with an
# interaction, crossed grouping factors, missing values with fitted values and residuals, and profile intervals. R 4.2.2, lme4 1.1-31, lmerTest 3.1-3 (Debian packages).
#   Rscript extra-models.R     (from this folder; writes extra-expected.csv)
suppressMessages({ library(lme4); library(lmerTest) })
episodes <- read.csv("episodes.csv", stringsAsFactors = TRUE)
sessions <- read.csv("sessions.csv", stringsAsFactors = TRUE)
sessions$session_f <- factor(sprintf("S%02d", sessions$session))
out <- list()
add <- function(model, name, value) out[[length(out) + 1]] <<- data.frame(model = model, name = name, value = sprintf("%.17g", value))
record <- function(key, fit) {
  s <- summary(fit)$coefficients
  for (term in rownames(s)) {
    add(key, sprintf("beta[%s]", term), s[term, "Estimate"])
    add(key, sprintf("se[%s]", term), s[term, "Std. Error"])
    add(key, sprintf("df[%s]", term), s[term, "df"])
    add(key, sprintf("p[%s]", term), s[term, "Pr(>|t|)"])
  }
  vc <- as.data.frame(VarCorr(fit))
  for (i in seq_len(nrow(vc))) {
    if (vc$grp[i] == "Residual") add(key, "sigma2", vc$vcov[i])
    else if (is.na(vc$var2[i])) add(key, sprintf("var[%s:%s]", vc$grp[i], vc$var1[i]), vc$vcov[i])
    else add(key, sprintf("cov[%s:%s,%s]", vc$grp[i], vc$var1[i], vc$var2[i]), vc$vcov[i])
  }
  add(key, "nobs", nobs(fit))
  for (g in names(ngrps(fit))) add(key, sprintf("ngroups[%s]", g), ngrps(fit)[[g]])
  add(key, "reml_criterion", REMLcrit(fit))
}
record("m8_categorical_interaction_reml", lmer(post ~ pre * alliance + site + (1 | therapist), data = episodes))
record("m9_crossed_reml", lmer(ors ~ log(session) + (1 | client) + (1 | session_f), data = sessions))
# Missing values (R's na.omit; fitted and residuals by na.exclude, NA at the rows left out): post missing at every
# 10th row, pre at every 17th; fitted values (fixed effects plus conditional modes) and residuals at chosen rows (1-based).
gappy <- episodes
gappy$post[seq(10, nrow(gappy), by = 10)] <- NA
gappy$pre[seq(17, nrow(gappy), by = 17)] <- NA
write.csv(gappy, "episodes-gappy.csv", row.names = FALSE, na = "")
m10 <- lmer(post ~ pre + (1 | therapist), data = gappy, na.action = na.exclude)
record("m10_missing_values_reml", m10)
for (i in c(1, 2, 10, 17, 500, 1521)) {
  add("m10_missing_values_reml", sprintf("fitted[%d]", i), fitted(m10)[i])
  add("m10_missing_values_reml", sprintf("resid[%d]", i), residuals(m10)[i])
}
# Profile-likelihood intervals of every parameter: the SDs and correlations of the random effects, sigma and the
# fixed effects (lme4 profiles the ML deviance, for REML fits too).
profile_ci <- function(key, fit) {
  ci <- confint(fit, method = "profile", oldNames = FALSE)
  for (name in rownames(ci)) {
    add(key, sprintf("ci_lower[%s]", name), ci[name, 1])
    add(key, sprintf("ci_upper[%s]", name), ci[name, 2])
  }
}
profile_ci("m11_profile_therapist", lmer(post ~ pre + (1 | therapist), data = episodes))
profile_ci("m12_profile_site_therapist", lmer(post ~ pre + (1 | site / therapist), data = episodes))
# A random slope: two SDs and their correlation, profiled with the other parameters optimised.
m13 <- lmer(ors ~ log(session) + (1 + log(session) | client), data = sessions)
profile_ci("m13_profile_growth", m13)
# Conditional modes and their conditional SDs of a term with a random slope (ranef(condVar = TRUE)), three clients.
re <- as.data.frame(ranef(m13, condVar = TRUE))
for (i in which(re$grp %in% c("C00001", "C00002", "C00777"))) {
  add("m13_ranef_growth", sprintf("mode[%s:%s]", re$grp[i], re$term[i]), re$condval[i])
  add("m13_ranef_growth", sprintf("mode_sd[%s:%s]", re$grp[i], re$term[i]), re$condsd[i])
}
# Uncorrelated random effects (lme4's ||): a diagonal covariance; VarCorr names the slope's group client.1.
m14 <- lmer(ors ~ log(session) + (1 + log(session) || client), data = sessions)
record("m14_uncorrelated", m14)
re14 <- as.data.frame(ranef(m14, condVar = TRUE))
for (i in which(re14$grp %in% c("C00001", "C00777"))) {
  add("m14_uncorrelated", sprintf("mode[%s:%s]", re14$grp[i], re14$term[i]), re14$condval[i])
  add("m14_uncorrelated", sprintf("mode_sd[%s:%s]", re14$grp[i], re14$term[i]), re14$condsd[i])
}
profile_ci("m14_uncorrelated", m14)
# A singular (boundary) fit: a factor with no effect (rows dealt to 5 batches in turn), its variance estimated at 0.
singular <- episodes
singular$batch <- factor(sprintf("B%d", seq_len(nrow(singular)) %% 5))
m15 <- lmer(post ~ pre + (1 | therapist) + (1 | batch), data = singular)
record("m15_singular", m15)
add("m15_singular", "is_singular", as.numeric(isSingular(m15)))
theta15 <- getME(m15, "theta")
for (i in seq_along(theta15)) add("m15_singular", sprintf("theta[%s]", names(theta15)[i]), theta15[i])
write.csv(do.call(rbind, out), "extra-expected.csv", row.names = FALSE, quote = FALSE)
