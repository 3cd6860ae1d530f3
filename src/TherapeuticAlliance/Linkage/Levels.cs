using System;
using System.Collections.Immutable;

namespace TherapeuticAlliance.Linkage;

/// <summary>A measure's means by client and therapist (over rows), and the sums of squares of its nested parts.</summary>
internal sealed class Levels
{
    private Levels(double[] clientMean, int[] clientCount, double[] therapistMean, double grandMean, double meanOfClientMeans)
    {
        ClientMean = clientMean;
        ClientCount = clientCount;
        TherapistMean = therapistMean;
        GrandMean = grandMean;
        MeanOfClientMeans = meanOfClientMeans;
    }

    public double[] ClientMean { get; }

    public int[] ClientCount { get; }

    public double[] TherapistMean { get; }

    public double GrandMean { get; }

    public double MeanOfClientMeans { get; }

    public static Levels Of(ImmutableArray<RatingRow> rows, int clients, Nesting nesting)
    {
        var clientSum = new double[clients];
        var clientCount = new int[clients];
        double total = 0;
        foreach (RatingRow row in rows)
        {
            clientSum[row.Client] += row.Value;
            clientCount[row.Client]++;
            total += row.Value;
        }

        var therapistSum = new double[nesting.Therapists.Length];
        var therapistCount = new int[nesting.Therapists.Length];
        var clientMean = new double[clients];
        double meansSum = 0;
        int withRows = 0;
        for (int c = 0; c < clients; c++)
        {
            clientMean[c] = clientCount[c] == 0 ? double.NaN : clientSum[c] / clientCount[c];
            if (clientCount[c] > 0)
            {
                meansSum += clientMean[c];
                withRows++;
                if (nesting.TherapistOf[c] is int t and >= 0)
                {
                    therapistSum[t] += clientSum[c];
                    therapistCount[t] += clientCount[c];
                }
            }
        }

        var therapistMean = new double[therapistSum.Length];
        for (int t = 0; t < therapistMean.Length; t++)
        {
            therapistMean[t] = therapistCount[t] == 0 ? double.NaN : therapistSum[t] / therapistCount[t];
        }

        return new Levels(clientMean, clientCount, therapistMean, rows.Length == 0 ? double.NaN : total / rows.Length, withRows == 0 ? double.NaN : meansSum / withRows);
    }

    /// <summary>The shares of the total sum of squares within clients, between clients (of one therapist) and between therapists (a nested analysis of variance over rows).</summary>
    public VarianceParts Parts(ImmutableArray<RatingRow> rows, Nesting nesting)
    {
        double total = 0, within = 0;
        foreach (RatingRow row in rows)
        {
            total += (row.Value - GrandMean) * (row.Value - GrandMean);
            within += (row.Value - ClientMean[row.Client]) * (row.Value - ClientMean[row.Client]);
        }

        int clients = 0, therapists = 0;
        double betweenClients = 0, betweenTherapists = 0;
        var seen = new bool[nesting.Therapists.Length];
        for (int c = 0; c < ClientCount.Length; c++)
        {
            if (ClientCount[c] == 0)
            {
                continue;
            }

            clients++;
            if (nesting.TherapistOf[c] is int t and >= 0)
            {
                betweenClients += ClientCount[c] * (ClientMean[c] - TherapistMean[t]) * (ClientMean[c] - TherapistMean[t]);
                betweenTherapists += ClientCount[c] * (TherapistMean[t] - GrandMean) * (TherapistMean[t] - GrandMean);
                therapists += seen[t] ? 0 : 1;
                seen[t] = true;
            }
        }

        if (!nesting.Complete || therapists == 0)
        {
            double share = within / total;
            return new VarianceParts(rows.Length, clients, 0, total, share, 1 - share, double.NaN);
        }

        return new VarianceParts(rows.Length, clients, therapists, total, within / total, betweenClients / total, betweenTherapists / total);
    }
}
