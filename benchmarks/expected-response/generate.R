# Issue 32's benchmark data: CLIENTS clients x 12 sessions of an ORS-like outcome following the mixed model
# score = b0 + b1*intake + b2*log(session) + client intercept and slope + noise (sessions 2-12; session 1 is the
# intake), 20 clients per therapist. Entirely synthetic. Usage: Rscript generate.R OUTDIR CLIENTS [SEED]
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]; n <- as.integer(args[2]); seed <- if (length(args) > 2) as.integer(args[3]) else 20261207L
set.seed(seed)
k <- 12L
client <- rep(seq_len(n), each = k); session <- rep(seq_len(k), n)
intake <- rnorm(n, 19, 5)
u0 <- rnorm(n, 0, 1.5); u1 <- 0.5 * u0 + rnorm(n, 0, 1.5)
ors <- 2 + 0.85 * intake[client] + 3 * log(session) + u0[client] + u1[client] * log(session) + rnorm(n * k, 0, 1.5)
ors[session == 1] <- intake
write.csv(data.frame(client = sprintf("C%07d", client), therapist = sprintf("T%05d", (client - 1L) %/% 20L), session = session, ors = round(ors, 1)),
          file.path(out, "sessions.csv"), row.names = FALSE, quote = FALSE)
