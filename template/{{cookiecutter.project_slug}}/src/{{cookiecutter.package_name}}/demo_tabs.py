"""The demo page's parts, one per task: what the user types, what the model answers.

Each function adds its inputs, a button and its outputs to the open ``gr.Blocks``. A
malformed input raises ``gr.Error``, which Gradio shows as a message on the page.
"""

from __future__ import annotations

import random

import torch


def parse_adding(values: str, marked: str) -> tuple[torch.Tensor, float]:
    """The adding problem's input ``(1, steps, 2)`` from typed text, and its truth."""
    try:
        numbers = [float(v) for v in values.replace(" ", "").split(",") if v]
        positions = [int(p) for p in marked.replace(" ", "").split(",") if p]
    except ValueError as error:
        raise ValueError(f"numbers only, separated by commas ({error})") from None
    if len(numbers) < 2 or any(not -1 <= v <= 1 for v in numbers):
        raise ValueError("give at least two values, each between -1 and 1")
    if len(set(positions)) != 2 or any(not 0 <= p < len(numbers) for p in positions):
        raise ValueError(f"give two different positions between 0 and {len(numbers) - 1}")
    x = torch.zeros(1, len(numbers), 2)
    x[0, :, 0] = torch.tensor(numbers)
    x[0, positions, 1] = 1.0
    return x, sum(numbers[p] for p in positions)


def predict_adding(model, values: str, marked: str) -> tuple[str, str]:
    """The model's prediction and the truth, as the page shows them."""
    x, truth = parse_adding(values, marked)
    with torch.no_grad():
        prediction = float(model(x).reshape(-1)[0])
    return f"{prediction:.3f}", f"{truth:.3f}"


def predict_digit(model, datamodule, index: int):
    """The test image ``index`` enlarged 16×, the predicted digit and the label."""
    images, labels = datamodule.test_set.tensors
    if not 0 <= index < len(labels):
        raise ValueError(f"pick an image between 0 and {len(labels) - 1}")
    with torch.no_grad():
        digit = int(model(images[index : index + 1]).argmax(-1)[0])
    # 8×8 pixels in 0..1, enlarged so a person can see them.
    picture = (images[index] * 255).to(torch.uint8).repeat_interleave(16, 0)
    return picture.repeat_interleave(16, 1).numpy(), str(digit), str(int(labels[index]))


def write_text(model, datamodule, prompt: str, length: int, temperature: float) -> str:
    """The prompt and ``length`` sampled characters after it."""
    tokens = datamodule.encode(prompt or datamodule.prompt).unsqueeze(0)
    return datamodule.decode(model.sample(tokens, length, temperature)[0])


def adding_tab(gr, model, datamodule, texts: dict[str, str]) -> None:
    steps = int(getattr(datamodule, "seq_len", 50))

    def example() -> tuple[str, str]:
        values = [round(random.uniform(-1, 1), 2) for _ in range(steps)]
        first, second = random.randrange(steps // 2), random.randrange(steps // 2, steps)
        return ", ".join(map(str, values)), f"{first}, {second}"

    def predict(values: str, marked: str) -> tuple[str, str]:
        try:
            return predict_adding(model, values, marked)
        except ValueError as error:
            raise gr.Error(str(error)) from None

    start_values, start_marked = example()
    values = gr.Textbox(start_values, label=texts["values"], elem_id="values")
    marked = gr.Textbox(start_marked, label=texts["marked"], elem_id="marked")
    with gr.Row():
        shuffle = gr.Button(texts["random"], elem_id="random")
        button = gr.Button(texts["predict"], variant="primary", elem_id="submit")
    with gr.Row():
        prediction = gr.Textbox(label=texts["prediction"], elem_id="answer")
        truth = gr.Textbox(label=texts["truth"], elem_id="truth")
    shuffle.click(example, outputs=[values, marked])
    button.click(predict, inputs=[values, marked], outputs=[prediction, truth])


def digits_tab(gr, model, datamodule, texts: dict[str, str]) -> None:
    labels = datamodule.test_set.tensors[1]

    def show(index: float):
        try:
            return predict_digit(model, datamodule, int(index))
        except ValueError as error:
            raise gr.Error(str(error)) from None

    index = gr.Slider(0, len(labels) - 1, value=0, step=1, label=texts["index"], elem_id="index")
    button = gr.Button(texts["predict"], variant="primary", elem_id="submit")
    with gr.Row():
        image = gr.Image(label=texts["image"], elem_id="image")
        digit = gr.Textbox(label=texts["digit"], elem_id="answer")
        label = gr.Textbox(label=texts["label"], elem_id="truth")
    button.click(show, inputs=index, outputs=[image, digit, label])


def language_model_tab(gr, model, datamodule, texts: dict[str, str]) -> None:
    def write(prompt: str, length: float, temperature: float) -> str:
        try:
            return write_text(model, datamodule, prompt, int(length), float(temperature))
        except ValueError as error:
            raise gr.Error(str(error)) from None

    prompt = gr.Textbox(datamodule.prompt, label=texts["prompt"], elem_id="prompt")
    with gr.Row():
        length = gr.Slider(10, 400, value=120, step=10, label=texts["length"])
        temperature = gr.Slider(0.1, 1.5, value=0.8, step=0.1, label=texts["temperature"])
    button = gr.Button(texts["generate"], variant="primary", elem_id="submit")
    text = gr.Textbox(label=texts["text"], lines=6, elem_id="answer")
    button.click(write, inputs=[prompt, length, temperature], outputs=text)
