namespace TherapeuticAlliance.Columnar;

/// <summary>How Parquet.Net reads each field of its metadata structs (the table is generated: ParquetThriftSchema.g.cs).</summary>
internal static partial class ParquetThriftSchema
{
    /// <summary>How a field's value is read.</summary>
    internal enum Kind
    {
        /// <summary>A boolean field: its value is its header's type, no byte follows.</summary>
        Bool,

        /// <summary>A boolean list element: one byte.</summary>
        ListedBool,

        /// <summary>One byte.</summary>
        I8,

        /// <summary>A zigzag varint read as 16 bits.</summary>
        I16,

        /// <summary>A zigzag varint read as 32 bits (enums too).</summary>
        I32,

        /// <summary>A zigzag varint read as 64 bits.</summary>
        I64,

        /// <summary>Eight bytes.</summary>
        Double,

        /// <summary>A length and that many bytes (strings too).</summary>
        Binary,

        /// <summary>A nested struct.</summary>
        Struct,
    }

    /// <summary>A field: its kind, whether it is a list of that kind, and the struct's name for <see cref="Kind.Struct"/>.</summary>
    internal readonly record struct Field(Kind Kind, bool IsList, string? Struct);
}
