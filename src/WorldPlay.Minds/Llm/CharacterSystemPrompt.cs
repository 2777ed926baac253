using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>The system prompt a chat model is trained with to play a character: rendered by the same code as the LLM mind's
/// system message (the persona section and the character rules), followed by the world as the character perceives it at that turn
/// (place, present, items, ties, facts), without the lines heard (a chat row carries them as messages).</summary>
public static class CharacterSystemPrompt
{
    /// <summary>The system prompt for the character of <paramref name="perspective"/>.</summary>
    public static string Render(Perspective perspective)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        return ActionPrompt.ChatSystem(perspective);
    }
}
