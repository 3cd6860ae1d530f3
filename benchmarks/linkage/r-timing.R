# R's side of benchmarks/linkage/run.sh: the same pairing (the next session's ORS), person-mean centring and lagged
# within-person model as AllianceLinkage, in base R and lme4; prints "name seconds" lines and the model's estimates.
# Usage: Rscript r-timing.R FOLDER
suppressMessages(library(lme4))
d <- read.csv(file.path(commandArgs(TRUE)[1], "sessions.csv"))
warm <- d[d$client %in% unique(d$client)[1:200], ]
time <- function(name, expr) { t <- system.time(value <- force(expr))[["elapsed"]]; cat(name, sprintf("%.3f", t), "\n"); value }
prepare <- function(d) {
  d <- d[order(d$client, d$session), ]
  nxt <- c(d$ors[-1], NA); same <- c(d$client[-1], NA) == d$client & c(d$session[-1], NA) == d$session + 1
  d$ors_next <- ifelse(same, nxt, NA)
  m <- ave(d$srs, d$client)
  d$alliance_within <- d$srs - m
  d$alliance_between <- m - mean(tapply(d$srs, d$client, mean))
  d[!is.na(d$ors_next), ]
}
invisible(lmer(ors_next ~ ors + alliance_within + alliance_between + (1 | client), prepare(warm)))
e <- time("r_pairing_and_centring_seconds", prepare(d))
f <- time("r_lagged_model_seconds", lmer(ors_next ~ ors + alliance_within + alliance_between + (1 | client), e))
cat("r_within_estimate", sprintf("%.10f", fixef(f)[["alliance_within"]]), "\n")
cat("r_reml_criterion", sprintf("%.6f", REMLcrit(f)), "\n")
