# The peer's side of benchmarks/service/run.sh: R computes what ServiceAnalysis computes for the outcome, on the same
# episodes: lme4's fit of post ~ pre + (1 | site) + (1 | therapist), the profile-likelihood intervals of the therapist
# and site shares from lme4's devfun (optimize, uniroot; as tests/.../service-models.R), and the benchmark figures per
# caseload, site, therapist and month with base R (tapply). Prints "name value" lines. Usage: Rscript r-timing.R DIR
suppressMessages(library(lme4))
# (The upper bound is searched below a share of 0.5, and optimize stops at 1e-7: enough for the 1e-6 agreement the table shows.)
d <- read.csv(file.path(commandArgs(trailingOnly = TRUE)[1], "episodes.csv"), stringsAsFactors = TRUE)
say <- function(name, value) cat(name, format(value, digits = 10), "\n")
warm <- lmer(post ~ pre + (1 | site) + (1 | therapist), d[1:20000, ])
t0 <- proc.time()[["elapsed"]]
fit <- lmer(post ~ pre + (1 | site) + (1 | therapist), d)
say("fit_seconds", proc.time()[["elapsed"]] - t0)
t1 <- proc.time()[["elapsed"]]
dev <- lmer(post ~ pre + (1 | site) + (1 | therapist), d, devFunOnly = TRUE)
theta <- getME(fit, "theta"); crit <- dev(theta) + qchisq(0.95, 1)
vc <- as.data.frame(VarCorr(fit)); total <- sum(vc$vcov)
for (j in seq_along(theta)) {
  group <- sub("\\.\\(Intercept\\)$", "", names(theta)[j])
  prof <- function(s) optimize(function(o) { t <- theta; t[-j] <- abs(o); t[j] <- sqrt(s * (1 + sum(t[-j]^2)) / (1 - s)); dev(t) }, c(0, 3 * max(theta[-j], 0.1) + 1), tol = 1e-7)$objective
  est <- vc$vcov[vc$grp == group] / total
  lo <- if (prof(0) <= crit) 0 else uniroot(function(s) prof(s) - crit, c(0, est), tol = 1e-9)$root
  hi <- uniroot(function(s) prof(s) - crit, c(est, 0.5), tol = 1e-9)$root
  say(paste0("icc_", group), est); say(paste0("icc_low_", group), lo); say(paste0("icc_high_", group), hi)
}
say("profile_seconds", proc.time()[["elapsed"]] - t1)
t2 <- proc.time()[["elapsed"]]
change <- d$post - d$pre
res <- residuals(lm(change ~ pre, d))
figures <- function(g) {
  n <- tapply(change, g, length)
  d_es <- tapply(change, g, mean) / tapply(d$pre, g, sd)
  r <- sapply(split(d[, c("pre", "post")], g), function(x) cor(x$pre, x$post))
  se <- sqrt(2 * (1 - r) / n + d_es^2 / (2 * n))
  saes <- (tapply(res, g, mean) + mean(change)) / sd(d$pre)
  ri <- tapply(change >= 5 - 1e-9, g, mean); rd <- tapply(change <= -5 + 1e-9, g, mean)
  case <- d$pre < 25
  rec <- tapply(case & d$post >= 25, g, sum) / tapply(case, g, sum)
  rr <- tapply(case & d$post >= 25 & change >= 5 - 1e-9, g, sum) / tapply(case, g, sum)
  al <- tapply(d$alliance, g, mean)
  list(d_es, se, saes, ri, rd, rec, rr, al)
}
all <- figures(rep("all", nrow(d)))
say("effect_size_all", all[[1]][[1]]); say("reliable_recovery_all", all[[7]][[1]])
for (g in list(d$site, d$therapist, d$month)) invisible(figures(g))
say("benchmarks_seconds", proc.time()[["elapsed"]] - t2)
