# Issue 30's benchmark data: EPISODES closed episodes of an ORS-like outcome with planted therapist (5 %) and site (2 %)
# shares, 100 sites, EPISODES / PER clients per therapist on average (PER = 50 by default), an alliance mean over SESSIONS ratings per client with its sum
# of squares, and a closing month. Entirely synthetic. Usage: Rscript generate.R OUTDIR EPISODES [PER] [SEED]
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]; n <- as.integer(args[2]); per <- if (length(args) > 2) as.integer(args[3]) else 50L
seed <- if (length(args) > 3) as.integer(args[4]) else 20261207L
set.seed(seed)
therapists <- max(10L, n %/% per); sites <- 100L
t_site <- sample.int(sites, therapists, replace = TRUE)
u_t <- rnorm(therapists, 0, sqrt(60 * 0.05)); u_s <- rnorm(sites, 0, sqrt(60 * 0.02))
therapist <- sample.int(therapists, n, replace = TRUE)
site <- t_site[therapist]
pre <- round(pmin(pmax(rnorm(n, 18, 6), 0), 40), 1)
post <- round(10 + 0.6 * pre + u_s[site] + u_t[therapist] + rnorm(n, 0, sqrt(60 * 0.93)), 1)
k <- 12L
client_alliance <- 34 + 0.8 * rnorm(therapists)[therapist] + rnorm(n, 0, 2)
alliance <- client_alliance + rnorm(n, 0, 1.2 / sqrt(k))
ss <- 1.44 * rchisq(n, k - 1)
month <- sprintf("2026-%02d", sample.int(12, n, replace = TRUE))
write.csv(data.frame(client = sprintf("C%07d", seq_len(n)), therapist = sprintf("T%05d", therapist), site = sprintf("S%03d", site),
                     pre = pre, post = post, alliance = alliance, ss = ss, sessions = k, month = month),
          file.path(out, "episodes.csv"), row.names = FALSE, quote = FALSE)
