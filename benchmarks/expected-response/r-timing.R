# R's side of benchmarks/expected-response/run.sh: the same mixed model with lme4 (a warm-up fit on 200 clients,
# then one timed fit), and predict() for every client's last session with and without random effects.
# Usage: Rscript r-timing.R FOLDER
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
s <- read.csv(file.path(args[1], "sessions.csv"))
intake <- s[s$session == 1, c("client", "ors")]; names(intake)[2] <- "intake"
d <- merge(s[s$session >= 2, ], intake, by = "client")
d$log_session <- log(d$session)
f <- ors ~ intake + log_session + (1 + log_session | client)
warm <- d[d$client %in% unique(d$client)[1:200], ]
invisible(lmer(f, warm))
t <- system.time(fit <- lmer(f, d))[["elapsed"]]
cat("r_fit_seconds", t, "\n")
cat("r_beta_intake", sprintf("%.17g", fixef(fit)[["intake"]]), "\n")
cat("r_beta_log_session", sprintf("%.17g", fixef(fit)[["log_session"]]), "\n")
last <- d[d$session == 12, ]
cat("r_predict_conditional_seconds", system.time(predict(fit, last))[["elapsed"]], "\n")
cat("r_predict_population_seconds", system.time(predict(fit, last, re.form = NA))[["elapsed"]], "\n")
