using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace AspireWorkshop.ComposeExport.Compose;

/// <summary>Writes a <see cref="ComposeFile"/> as YAML that YAML 1.1 and 1.2 readers parse alike.</summary>
public static class ComposeYamlWriter
{
    /// <summary>Serializes <paramref name="file"/>, preceded by <paramref name="headerComment"/> lines.</summary>
    public static string Write(ComposeFile file, IEnumerable<string> headerComment)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        foreach (var line in headerComment)
        {
            writer.WriteLine($"# {line}");
        }

        // An unbounded width keeps every value on one line: a folded double-quoted scalar is valid YAML,
        // but a reader of compose.yaml should see the value it gets.
        var emitter = new Emitter(writer, new EmitterSettings(
            bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));

        // A serializer per call: the quoting emitter tracks where it is in the document.
        var serializer = new SerializerBuilder()
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
            .DisableAliases()
            .WithIndentedSequences()
            .WithEventEmitter(next => new QuotingEventEmitter(next))
            .Build();
        serializer.Serialize(emitter, file);

        return writer.ToString();
    }

    /// <summary>
    /// Double-quotes every string that is data: values, and the keys of dictionaries (service names,
    /// variable names). Unquoted, docker-compose 1.29's YAML 1.1 reader turns <c>yes</c>, <c>on</c>,
    /// <c>0545</c> or <c>2122:22</c> into booleans and numbers. The Compose keywords that come from the
    /// model's property names stay plain, so the file still reads like a hand-written one.
    /// </summary>
    private sealed class QuotingEventEmitter(IEventEmitter nextEmitter) : ChainedEventEmitter(nextEmitter)
    {
        private readonly Stack<Frame> frames = new();

        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            var isPropertyName = frames.TryPeek(out var frame) && frame is { IsMapping: true, IsDictionary: false }
                && frame.Count % 2 == 0;
            Advance();
            if (eventInfo.Source.Type == typeof(string) && !isPropertyName)
            {
                eventInfo.Style = ScalarStyle.DoubleQuoted;
            }

            base.Emit(eventInfo, emitter);
        }

        public override void Emit(MappingStartEventInfo eventInfo, IEmitter emitter)
        {
            Advance();
            frames.Push(new Frame(IsMapping: true, IsDictionary: IsDictionary(eventInfo.Source.Type)));
            base.Emit(eventInfo, emitter);
        }

        public override void Emit(MappingEndEventInfo eventInfo, IEmitter emitter)
        {
            frames.Pop();
            base.Emit(eventInfo, emitter);
        }

        public override void Emit(SequenceStartEventInfo eventInfo, IEmitter emitter)
        {
            Advance();
            frames.Push(new Frame(IsMapping: false, IsDictionary: false));
            base.Emit(eventInfo, emitter);
        }

        public override void Emit(SequenceEndEventInfo eventInfo, IEmitter emitter)
        {
            frames.Pop();
            base.Emit(eventInfo, emitter);
        }

        private void Advance()
        {
            if (frames.TryPeek(out var frame))
            {
                frame.Count++;
            }
        }

        private static bool IsDictionary(Type type) =>
            type.GetInterfaces().Append(type).Any(candidate => candidate.IsGenericType
                && candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

        private sealed class Frame(bool IsMapping, bool IsDictionary)
        {
            public bool IsMapping { get; } = IsMapping;

            public bool IsDictionary { get; } = IsDictionary;

            public int Count { get; set; }
        }
    }
}
