# Oracle O-ETR-1 (domain reference, part 2, §A.5): the intake-conditioned log-session expected-response model.
# Values published in the reference were computed with R 4.2.2; the tolerance bound re-implements
# tolerance::regtol.int (side = 1) from its source. Run: Rscript tests/TherapeuticAlliance.Tests/Oracles/expected-response.R
intake <- c(12,15,18,20,22,25); slope <- c(6,8,4,7,5,3); eps <- c(0.5,-0.3,0.2,-0.4,0)
d <- do.call(rbind, lapply(1:6, function(i) { t <- 1:5; e <- eps[((seq_along(t) + i - 2) %% 5) + 1]
  data.frame(client = i, session = t, intake = intake[i],
             score = intake[i] + slope[i]*log(t) + ifelse(t == 1, 0, e)) }))
d2  <- subset(d, session > 1)
fit <- lm(score ~ intake + log(session), data = d2)
nx  <- data.frame(intake = 16, session = 4)
p   <- predict(fit, nx, se.fit = TRUE)
mse <- summary(fit)$sigma^2
regtol <- function(P, alpha = 0.05) {
  n_star <- mse / p$se.fit^2
  K <- qt(1 - alpha, df = fit$df.residual, ncp = sqrt(n_star) * qnorm(P)) / sqrt(n_star)
  c(K = K, bound = p$fit - sqrt(mse) * K)
}
print(coef(fit), digits = 12); print(c(sigma = sqrt(mse), mse = mse), digits = 12)
print(c(fit = p$fit, se = p$se.fit), digits = 12)
print(regtol(0.90), digits = 12); print(regtol(0.80), digits = 12)
print(predict(fit, nx, interval = "prediction", level = 0.80), digits = 12)
print(summary(fit)$cov.unscaled, digits = 12)
