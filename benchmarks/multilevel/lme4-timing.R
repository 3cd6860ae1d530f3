# Times lme4 on the benchmark's data (generate.R) and prints every estimate the library's side compares, one
# "model name value" line each, then "model seconds value" (elapsed, one fit after a warm-up fit on a small sample).
# R's lme4 and lmerTest as Debian packages them; the optimiser is lme4's default for lmer (nloptwrap's BOBYQA).
# Usage: Rscript lme4-timing.R FOLDER
suppressMessages(library(lme4))
folder <- commandArgs(trailingOnly = TRUE)[1]
episodes <- read.csv(file.path(folder, "episodes.csv"), stringsAsFactors = TRUE)
sessions <- read.csv(file.path(folder, "sessions.csv"), stringsAsFactors = TRUE)
invisible(lmer(post ~ pre + (1 | therapist), episodes[1:20000, ]))   # warm-up: loads and compiles what lmer uses
report <- function(key, formula, data) {
  gc()
  seconds <- system.time(fit <- lmer(formula, data))[["elapsed"]]
  b <- fixef(fit)
  for (term in names(b)) cat(key, sprintf("beta[%s]", term), sprintf("%.17g", b[[term]]), "\n")
  vc <- as.data.frame(VarCorr(fit))
  for (i in seq_len(nrow(vc))) {
    name <- if (vc$grp[i] == "Residual") "sigma2" else if (is.na(vc$var2[i])) sprintf("var[%s:%s]", vc$grp[i], vc$var1[i]) else sprintf("cov[%s:%s,%s]", vc$grp[i], vc$var1[i], vc$var2[i])
    cat(key, name, sprintf("%.17g", vc$vcov[i]), "\n")
  }
  cat(key, "reml_criterion", sprintf("%.17g", REMLcrit(fit)), "\n")
  cat(key, "seconds", seconds, "\n")
}
report("therapist", post ~ pre + (1 | therapist), episodes)
report("site_therapist", post ~ pre + (1 | site / therapist), episodes)
report("growth", ors ~ log(session) + (1 + log(session) | client), sessions)
