# The mixed expected-response model's oracle (issue 32), from the multilevel oracle's sessions (sessions.csv):
#   lmer(ors ~ intake + log(session) + (1 + log(session) | client), sessions 2 and later, REML)
# with intake = each client's ORS at session 1; its fixed effects, VarCorr and REML criterion; population
# predictions for new clients (predict(re.form = NA)); in-fit conditional predictions (predict(re.form = NULL), from all
# of a client's rows); and the empirical-Bayes prediction after a client's first k later sessions, by lme4's BLUP
# formula b = D Z'(Z D Z' + s2 I)^-1 (y - X beta) on those rows with the fit's D, s2 and beta (what predict() does for a
# client's full data, restricted to the rows seen so far). R 4.2.2, lme4 1.1-31. Run from this folder:
#   Rscript mixed-expected-response.R   (writes mixed-expected-response.csv)
suppressPackageStartupMessages(library(lme4))
s <- read.csv("sessions.csv", stringsAsFactors = FALSE)
intake <- s[s$session == 1, c("client", "ors")]; names(intake)[2] <- "intake"
d <- merge(s, intake, by = "client")
d <- d[d$session >= 2, ]
d$log_session <- log(d$session)
d <- d[order(d$client, d$session), ]
ctl <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 2e-4, rhoend = 2e-10, maxfun = 1e5))
fit <- lmer(ors ~ intake + log_session + (1 + log_session | client), d, REML = TRUE, control = ctl)
out <- data.frame(name = character(), value = numeric(), stringsAsFactors = FALSE)
add <- function(name, value) out[nrow(out) + 1, ] <<- list(name, value)
b <- fixef(fit); for (n in names(b)) add(paste0("beta[", n, "]"), b[[n]])
vc <- as.data.frame(VarCorr(fit))
D <- matrix(c(vc$vcov[1], vc$vcov[3], vc$vcov[3], vc$vcov[2]), 2)
add("var[client:(Intercept)]", D[1, 1]); add("var[client:log_session]", D[2, 2]); add("cov[client:(Intercept),log_session]", D[1, 2])
s2 <- sigma(fit)^2; add("sigma2", s2); add("reml_criterion", REMLcrit(fit)); add("nobs", nobs(fit))
for (i0 in c(10, 20, 30)) for (t in c(2, 5, 12)) {
  nd <- data.frame(intake = i0, log_session = log(t))
  add(sprintf("population[%g,%d]", i0, t), predict(fit, nd, re.form = NA))
}
clients <- c("C00001", "C00002", "C00100", "C00777", "C01500")
full <- predict(fit, re.form = NULL)
for (cl in clients) {
  rows <- which(d$client == cl)
  for (r in rows) add(sprintf("conditional[%s,%d]", cl, d$session[r]), full[r])
  X <- cbind(1, d$intake[rows], d$log_session[rows]); Z <- cbind(1, d$log_session[rows]); y <- d$ors[rows]
  for (k in 1:3) {
    if (k >= length(rows)) next
    Zk <- Z[1:k, , drop = FALSE]; rk <- y[1:k] - X[1:k, , drop = FALSE] %*% b
    V <- Zk %*% D %*% t(Zk) + s2 * diag(k)
    bk <- D %*% t(Zk) %*% solve(V, rk)
    Pk <- D - D %*% t(Zk) %*% solve(V, Zk %*% D)
    nxt <- rows[k + 1]; z <- c(1, d$log_session[nxt])
    add(sprintf("after[%s,%d]", cl, k), sum(X[k + 1, ] * b) + sum(z * bk))
    add(sprintf("after_sd[%s,%d]", cl, k), sqrt(drop(t(z) %*% Pk %*% z) + s2))
  }
}
write.csv(out, "mixed-expected-response.csv", row.names = FALSE)
