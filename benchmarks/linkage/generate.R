# Issue 31's benchmark data: CLIENTS clients with 12 sessions each of a client-rated SRS-like alliance and ORS-like
# outcome, 20 clients per therapist, a planted lagged within-person effect of 0.3 outcome points per alliance point,
# and person-level random intercepts. Entirely synthetic. Usage: Rscript generate.R OUTDIR CLIENTS [SEED]
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]; n <- as.integer(args[2]); seed <- if (length(args) > 2) as.integer(args[3]) else 20261207L
set.seed(seed)
k <- 12L
client <- rep(seq_len(n), each = k); session <- rep(seq_len(k), n)
mu_a <- rnorm(n, 34, 3)[client]
srs <- round(pmin(40, mu_a + rnorm(n * k, 0, 2)), 1)
u <- rnorm(n, 0, 1)
ors <- numeric(n * k)
first <- session == 1
ors[first] <- rnorm(n, 20, 6)
for (t in 2:k) {
  now <- session == t; before <- session == t - 1
  ors[now] <- 2 + 0.85 * ors[before] + 0.3 * (srs[before] - mu_a[before]) + u + rnorm(n, 0, 2)
}
write.csv(data.frame(client = sprintf("C%07d", client), therapist = sprintf("T%05d", (client - 1L) %/% 20L), session = session, srs = srs, ors = round(ors, 1)),
          file.path(out, "sessions.csv"), row.names = FALSE, quote = FALSE)
