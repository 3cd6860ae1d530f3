# Oracle O-ETR-1 (domain reference, part 2, §A.5): the intake-conditioned log-session expected-response model.
# Values in the reference were computed with R 4.2.2; this script writes them again with the installed R. The tolerance bound re-implements
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

# Write the oracle the tests read (Oracles/expected-response-expected.csv), at full double precision.
k90 <- regtol(0.90); k80 <- regtol(0.80)
pi80 <- predict(fit, nx, interval = "prediction", level = 0.80)
cu <- summary(fit)$cov.unscaled
out <- data.frame(
  name = c("b0", "b1", "b2", "mse", "df", "fit", "se_fit", "k90", "bound90", "k80", "bound80", "prediction_lower80",
           paste0("cov_", c("00", "01", "02", "11", "12", "22"))),
  value = c(coef(fit), mse, fit$df.residual, p$fit, p$se.fit, k90[["K"]], k90[[2]], k80[["K"]], k80[[2]], pi80[1, "lwr"],
            cu[1, 1], cu[1, 2], cu[1, 3], cu[2, 2], cu[2, 3], cu[3, 3]))
out_file <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "expected-response-expected.csv")
write.csv(transform(out, value = sprintf("%.17g", value)), out_file, row.names = FALSE, quote = FALSE)
