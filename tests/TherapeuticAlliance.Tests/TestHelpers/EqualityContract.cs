namespace TherapeuticAlliance.Tests.TestHelpers;

/// <summary>Checks Equals(T), Equals(object), ==, !=, GetHashCode and Equals(null) in one call.</summary>
internal static class EqualityContract
{
    public static void Holds<T>(T value, T equal, params T[] different)
        where T : class, IEquatable<T>
    {
        Assert.True(value.Equals(equal));
        Assert.True(value.Equals((object)equal));
        Assert.Equal(value.GetHashCode(), equal.GetHashCode());
        Assert.False(value.Equals(null));
        Assert.False(value.Equals((object?)null));
        Assert.True(Operator(value, equal, "op_Equality"));
        Assert.False(Operator(value, equal, "op_Inequality"));
        foreach (T other in different)
        {
            Assert.False(value.Equals(other));
            Assert.False(value.Equals((object)other));
            Assert.False(Operator(value, other, "op_Equality"));
            Assert.True(Operator(value, other, "op_Inequality"));
        }
    }

    private static bool Operator<T>(T left, T right, string name)
    {
        var method = typeof(T).GetMethod(name, new[] { typeof(T), typeof(T) });
        Assert.NotNull(method);
        return (bool)method!.Invoke(null, new object?[] { left, right })!;
    }
}
