# Values for LinkageAnalysisTests: the lagged within-person model with a therapist intercept, and detrended, on the
# shared oracle's sessions (../shared/oracles/multilevel/sessions.csv). R 4.2.2, lme4 1.1-31, lmerTest 3.1-3.
# Run: Rscript linkage-oracle.R path/to/sessions.csv
suppressMessages(library(lmerTest))
args <- commandArgs(TRUE)
d <- read.csv(args[1])
d <- d[order(d$client, d$session), ]
d$ors_next <- ave(d$ors, d$client, FUN = function(x) c(x[-1], NA))
d$next_session <- ave(d$session, d$client, FUN = function(x) c(x[-1], NA))
d$ors_next[!is.na(d$next_session) & d$next_session != d$session + 1] <- NA
m <- ave(d$srs, d$client)
d$alliance_within <- d$srs - m
d$alliance_between <- m - mean(tapply(d$srs, d$client, mean))
# Detrended: the residual of each client's own straight line on session
d$alliance_detrended <- unsplit(lapply(split(d, d$client), function(x) if (nrow(x) > 1) residuals(lm(srs ~ session, x)) else x$srs - mean(x$srs)), d$client)
# therapist: the therapist on most of the client's sessions (one per client in this data)
e <- d[!is.na(d$ors_next), ]
show <- function(name, f) {
  s <- summary(f)$coefficients
  for (term in c("alliance_within", "alliance_between")) cat(sprintf("%s,%s,%.17g,%.17g,%.17g\n", name, term, s[term, "Estimate"], s[term, "Std. Error"], s[term, "df"]))
  cat(sprintf("%s,sigma2,%.17g\n", name, sigma(f)^2))
  vc <- as.data.frame(VarCorr(f)); for (i in seq_len(nrow(vc))) cat(sprintf("%s,var[%s],%.17g\n", name, vc$grp[i], vc$vcov[i]))
}
show("therapist", lmer(ors_next ~ ors + alliance_within + alliance_between + (1 | client) + (1 | therapist), e))
e$alliance_within <- e$alliance_detrended
show("detrended", lmer(ors_next ~ ors + alliance_within + alliance_between + session + (1 | client), e))
