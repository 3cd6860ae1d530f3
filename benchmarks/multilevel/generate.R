# Generates the multilevel benchmark's data (issue 29), deterministic, as CSV:
#   episodes.csv  one row per episode: site (100), therapist (5,000, nested in sites), pre, post;
#                 post = 5 + 0.8 pre + site effect (SD 1) + therapist effect (SD 2) + residual (SD 6)
#   sessions.csv  one row per session: client (EPISODE_CLIENTS), session 1..12, ors;
#                 ors = 20 + b0 + (3 + b1) log(session) + residual (SD 2.5), (b0, b1) ~ N(0, [4^2, -0.3*4*1.5; ., 1.5^2])
# Usage: Rscript generate.R FOLDER [episodes] [clients]   (defaults 1000000 and 100000)
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
n <- if (length(args) > 1) as.integer(args[2]) else 1000000L
clients <- if (length(args) > 2) as.integer(args[3]) else 100000L
set.seed(20261207)
therapists <- 5000L
sites <- 100L
therapist <- sample(therapists, n, replace = TRUE)
site <- (therapist - 1L) %/% (therapists %/% sites) + 1L
pre <- round(runif(n, 10, 30), 1)
post <- round(5 + 0.8 * pre + rnorm(sites, 0, 1)[site] + rnorm(therapists, 0, 2)[therapist] + rnorm(n, 0, 6), 2)
write.csv(data.frame(site = sprintf("S%03d", site), therapist = sprintf("T%04d", therapist), pre = pre, post = post),
          file.path(folder, "episodes.csv"), row.names = FALSE, quote = FALSE)
b0 <- rnorm(clients, 0, 4)
b1 <- -0.3 * 1.5 / 4 * b0 + rnorm(clients, 0, 1.5 * sqrt(1 - 0.09))
client <- rep(seq_len(clients), each = 12L)
session <- rep(1:12, times = clients)
ors <- round(20 + b0[client] + (3 + b1[client]) * log(session) + rnorm(clients * 12L, 0, 2.5), 2)
write.csv(data.frame(client = sprintf("C%06d", client), session = session, ors = ors),
          file.path(folder, "sessions.csv"), row.names = FALSE, quote = FALSE)
