using System.Text.Json;
using System.Text.Json.Serialization;
using MessagePack;
using MessagePack.Formatters;

namespace WorldPlay.Core;

/// <summary>The stable identity of an entity in a world: a lowercase slug such as <c>mira</c> or <c>old-pier</c>.</summary>
[JsonConverter(typeof(EntityIdJsonConverter))]
[MessagePackFormatter(typeof(EntityIdFormatter))]
public readonly record struct EntityId : IComparable<EntityId>
{
    public EntityId(string value)
    {
        if (!IsSlug(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid id: use lowercase letters, digits and dashes, starting with a letter or digit (for example " +
                    "'old-pier').",
                nameof(value));
        }
        Value = value;
    }

    public string Value { get; }

    public int CompareTo(EntityId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";

    /// <summary>True when <paramref name="text"/> is a well-formed id.</summary>
    public static bool IsSlug(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 64 || text[0] == '-')
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return false;
            }
        }
        return true;
    }

    public static implicit operator EntityId(string value) => new(value);
}

internal sealed class EntityIdJsonConverter : JsonConverter<EntityId>
{
    public override EntityId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("An entity id cannot be null."));

    public override void Write(Utf8JsonWriter writer, EntityId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override EntityId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("An entity id cannot be null."));

    public override void WriteAsPropertyName(Utf8JsonWriter writer, EntityId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);
}

internal sealed class EntityIdFormatter : IMessagePackFormatter<EntityId>
{
    public void Serialize(ref MessagePackWriter writer, EntityId value, MessagePackSerializerOptions options) =>
        writer.Write(value.Value);

    public EntityId Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        new(reader.ReadString() ?? throw new MessagePackSerializationException("An entity id cannot be nil."));
}
