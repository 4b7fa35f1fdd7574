// antqa's page: asks POST /ask, shows each answer (its short answer first, in bold) with its
// [n] markers linked to the cited passages, and the passages it does not use apart, unnumbered,
// as related reading. All text from the server or the user goes in through textContent / text nodes,
// never as HTML. The API key (only asked for after a 401) lives in sessionStorage: this tab only.
"use strict";

(() => {
  const KEY_STORAGE = "antqa.apiKey";
  const REQUEST_TIMEOUT_MS = 60000;
  const MAX_SERVER_MESSAGE_CHARS = 500;
  const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;
  const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n\s*/g;

  const ui = {
    form: document.getElementById("ask-form"),
    question: document.getElementById("question"),
    askButton: document.getElementById("ask-button"),
    turns: document.getElementById("turns"),
    emptyState: document.getElementById("empty-state"),
    live: document.getElementById("live"),
    errors: document.getElementById("error-region"),
    newConversation: document.getElementById("new-conversation"),
    keyState: document.getElementById("key-state"),
    forgetKey: document.getElementById("forget-key"),
    keyDialog: document.getElementById("key-dialog"),
    keyForm: document.getElementById("key-form"),
    keyInput: document.getElementById("api-key"),
    keyError: document.getElementById("key-error"),
    keyCancel: document.getElementById("key-cancel"),
  };

  const state = {
    conversationId: null,
    busy: false,
    turnCount: 0,
    // Bumped by "New conversation": a reply to an older conversation is dropped.
    generation: 0,
  };

  // ---- small DOM helpers (text only) -------------------------------------------------

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  function announce(text) {
    // Cleared first so the same words twice in a row are still announced.
    ui.live.textContent = "";
    window.setTimeout(() => {
      ui.live.textContent = text;
    }, 50);
  }

  function prefersReducedMotion() {
    return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  // ---- the API key (sessionStorage: this tab only) -----------------------------------

  function storedKey() {
    try {
      return window.sessionStorage.getItem(KEY_STORAGE);
    } catch {
      return null; // storage disabled: the key is simply asked for again
    }
  }

  function storeKey(key) {
    try {
      if (key) window.sessionStorage.setItem(KEY_STORAGE, key);
      else window.sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      /* storage disabled */
    }
    ui.keyState.hidden = !storedKey();
  }

  /** Resolves with the key the user typed, or null when they cancel. */
  function promptForKey(problem) {
    ui.keyError.textContent = problem || "";
    ui.keyInput.value = "";
    return new Promise((resolve) => {
      const finish = (key) => {
        ui.keyForm.removeEventListener("submit", onSubmit);
        ui.keyCancel.removeEventListener("click", onCancel);
        ui.keyDialog.removeEventListener("cancel", onCancel);
        if (ui.keyDialog.open) ui.keyDialog.close();
        resolve(key);
      };
      const onSubmit = (event) => {
        event.preventDefault();
        const key = ui.keyInput.value.trim();
        if (!key) {
          ui.keyError.textContent = "Type the key, or choose Cancel.";
          ui.keyInput.focus();
          return;
        }
        finish(key);
      };
      const onCancel = (event) => {
        event.preventDefault();
        finish(null);
      };
      ui.keyForm.addEventListener("submit", onSubmit);
      ui.keyCancel.addEventListener("click", onCancel);
      ui.keyDialog.addEventListener("cancel", onCancel); // Escape
      ui.keyDialog.showModal();
      ui.keyInput.focus();
    });
  }

  // ---- talking to the server ---------------------------------------------------------

  /** The human message in an error body: {"error": {"message"}}, {"detail": ...} or text. */
  function serverMessage(body) {
    let message = "";
    if (body && typeof body === "object") {
      const error = body.error;
      const detail = body.detail;
      if (error && typeof error === "object" && typeof error.message === "string") {
        message = error.message;
      } else if (typeof error === "string") {
        message = error;
      } else if (typeof detail === "string") {
        message = detail;
      } else if (Array.isArray(detail)) {
        message = detail
          .map((item) => (item && typeof item.msg === "string" ? item.msg : ""))
          .filter(Boolean)
          .join("; ");
      } else if (typeof body.message === "string") {
        message = body.message;
      }
    } else if (typeof body === "string" && !/^\s*</.test(body)) {
      message = body.trim(); // plain text; an HTML error page (a proxy's) says nothing useful
    }
    return message.length > MAX_SERVER_MESSAGE_CHARS
      ? `${message.slice(0, MAX_SERVER_MESSAGE_CHARS)}…`
      : message;
  }

  /** Seconds from a Retry-After header (seconds or an HTTP date), or null. */
  function retryAfterSeconds(header) {
    if (!header) return null;
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
    const when = Date.parse(header);
    return Number.isNaN(when) ? null : Math.max(0, Math.ceil((when - Date.now()) / 1000));
  }

  function waitPhrase(seconds) {
    if (seconds === null) return "in a moment";
    if (seconds <= 1) return "in a second";
    return `in ${seconds} seconds`;
  }

  /** POST /ask. Resolves with {answer} or {status, message, retryAfter} or {failure}. */
  async function postAsk(question, conversationId) {
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    const key = storedKey();
    if (key) headers.Authorization = `Bearer ${key}`;
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    let response;
    try {
      response = await fetch("/ask", {
        method: "POST",
        headers,
        body: JSON.stringify({ question, conversation_id: conversationId }),
        signal: controller.signal,
        cache: "no-store",
      });
    } catch (error) {
      return { failure: error && error.name === "AbortError" ? "timeout" : "network" };
    } finally {
      window.clearTimeout(timer);
    }
    const text = await response.text().catch(() => "");
    let body = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    if (response.ok) {
      if (body && typeof body === "object" && typeof body.answer === "string") {
        return { answer: body };
      }
      return { failure: "unreadable" };
    }
    return {
      status: response.status,
      message: serverMessage(body),
      retryAfter: retryAfterSeconds(response.headers.get("Retry-After")),
      sentKey: Boolean(key),
    };
  }

  /** {title, text} for a failed request, in words a reader can act on. */
  function describeProblem(result) {
    const said = result.message ? ` The server said: ${result.message}` : "";
    switch (result.failure) {
      case "network":
        return {
          title: "Can't reach the server",
          text: "The page could not connect to antqa. Check that the server is still running and that you are online, then ask again.",
        };
      case "timeout":
        return {
          title: "No answer in time",
          text: `The server did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds. Try again in a moment.`,
        };
      case "unreadable":
        return {
          title: "Unexpected reply",
          text: "The server answered with something this page cannot read. Reload the page and try again.",
        };
      default:
        break;
    }
    const status = result.status;
    if (status === 401 || status === 403) {
      return {
        title: "API key needed",
        text: `This server only answers with a valid API key. Ask its operator for one, then ask again.${said}`,
      };
    }
    if (status === 413) {
      return {
        title: "Question too large",
        text: `The question is too large to send. Shorten it and ask again.${said}`,
      };
    }
    if (status === 422 || status === 400) {
      return {
        title: "The question can't be asked like that",
        text: result.message || "Check the question (not empty, not too long) and ask again.",
      };
    }
    if (status === 429) {
      return {
        title: "Too many questions",
        text: `Questions are arriving faster than this server allows. Try again ${waitPhrase(result.retryAfter)}.`,
      };
    }
    if (status === 503) {
      return {
        title: "Server busy",
        text: `The server is busy or not ready. Try again ${waitPhrase(result.retryAfter)}.${said}`,
      };
    }
    if (status >= 500) {
      return {
        title: `Server error (${status})`,
        text: `The server ran into a problem and could not answer. Try again; if it keeps happening, its log says why.${said}`,
      };
    }
    return {
      title: `Request refused (${status})`,
      text: result.message || "The server refused the question.",
    };
  }

  function showProblem(problem) {
    clearProblem();
    ui.errors.append(
      el("div", { class: "error" }, el("strong", { class: "error-title" }, problem.title), el("p", {}, problem.text)),
    );
  }

  function clearProblem() {
    ui.errors.replaceChildren();
  }

  // ---- rendering an answer -----------------------------------------------------------

  function passageId(turn, n) {
    return `t${turn}-passage-${n}`;
  }

  /** The answer text as nodes: every known [n] marker becomes a link to passage n. */
  function answerNodes(text, citations, turn) {
    const known = new Map(citations.map((citation) => [citation.n, citation]));
    const nodes = [];
    let position = 0;
    for (const match of text.matchAll(MARKER)) {
      const numbers = match[1].split(",").map((part) => Number(part.trim()));
      if (!numbers.every((n) => known.has(n))) continue;
      nodes.push(text.slice(position, match.index));
      numbers.forEach((n, i) => {
        if (i > 0) nodes.push(" ");
        nodes.push(
          el(
            "a",
            {
              class: "cite",
              href: `#${passageId(turn, n)}`,
              "aria-label": `Passage ${n}, paragraph ${known.get(n).paragraph}`,
            },
            `[${n}]`,
          ),
        );
      });
      position = match.index + match[0].length;
    }
    nodes.push(text.slice(position));
    return nodes.filter((node) => node !== "");
  }

  function paragraphBreaks(text) {
    return (text.match(PARAGRAPH_BREAK) || []).length;
  }

  /** Where the quote sits inside the passage text, or null if it cannot be placed. */
  function quoteSpan(citation) {
    const text = citation.text || "";
    const start = citation.quote_start - citation.start;
    const end = citation.quote_end - citation.start;
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end) {
      return [start, end];
    }
    const found = citation.quote ? text.indexOf(citation.quote) : -1;
    return found >= 0 ? [found, found + citation.quote.length] : null;
  }

  /** "Paragraph 4", or "Paragraphs 4–6" and where the highlight is when a passage spans
   * several. `citation.paragraph` is the quote's paragraph; the passage may start earlier. */
  function paragraphLabels(citation) {
    const text = citation.text || "";
    const span = quoteSpan(citation);
    const first = citation.paragraph - paragraphBreaks(span ? text.slice(0, span[0]) : "");
    const last = first + paragraphBreaks(text);
    if (last === first) return [`Paragraph ${first}`, null];
    return [`Paragraphs ${first}–${last}`, `highlight in paragraph ${citation.paragraph}`];
  }

  /** A passage with the quote highlighted; numbered "[n]" when the answer cites it. */
  function passageItem(citation, turn, numbered) {
    const id = passageId(turn, citation.n);
    const text = citation.text || "";
    const span = quoteSpan(citation);
    const [where, highlight] = paragraphLabels(citation);
    const body = el("blockquote", { class: "passage-text" });
    if (span) {
      body.append(text.slice(0, span[0]), el("mark", {}, text.slice(span[0], span[1])), text.slice(span[1]));
    } else {
      body.append(text);
    }
    return el(
      "li",
      { id, class: "passage", tabindex: "-1", "aria-labelledby": `${id}-head` },
      el(
        "p",
        { class: "passage-head", id: `${id}-head` },
        numbered ? el("span", { class: "passage-n" }, `[${citation.n}]`) : null,
        el("span", { class: "passage-where" }, where),
        highlight && el("span", { class: "passage-highlight" }, highlight),
        el("span", { class: "passage-offsets" }, `characters ${citation.start}–${citation.end}`),
      ),
      body,
    );
  }

  function passageList(citations, turn, numbered) {
    return el(
      numbered ? "ol" : "ul",
      { class: "passages" },
      ...citations.map((citation) => passageItem(citation, turn, numbered)),
    );
  }

  /** The short answer's text when the answer gives one (a name, a date, a number). */
  function shortAnswer(answer) {
    const short = answer.short_answer;
    return answer.answerable !== false && short && typeof short.text === "string" && short.text.trim()
      ? short.text
      : null;
  }

  function answerCard(answer, turn) {
    const citations = Array.isArray(answer.citations) ? answer.citations : [];
    const answerable = answer.answerable !== false;
    const short = shortAnswer(answer);
    const labelId = `t${turn}-answer-label`;
    const card = el("section", {
      class: answerable ? "answer" : "answer refusal",
      "aria-labelledby": labelId,
    });
    card.append(el("h3", { class: "answer-label", id: labelId }, answerable ? "Answer" : "Not in the article"));
    if (short) card.append(el("p", { class: "short-answer" }, el("strong", {}, short)));
    card.append(el("p", { class: "answer-text" }, ...answerNodes(answer.answer, citations, turn)));
    if (answer.notice) card.append(el("p", { class: "notice" }, answer.notice));

    // Citations the answer uses are numbered; the rest (all of a refusal's) are related reading.
    const cited = citations.filter((citation) => answerable && citation.cited !== false);
    const related = citations.filter((citation) => !cited.includes(citation));
    if (cited.length) {
      card.append(
        el("p", { class: "passages-heading" }, cited.length === 1 ? "Cited passage" : "Cited passages"),
        passageList(cited, turn, true),
      );
    }
    if (related.length) {
      const count = `${related.length} ${related.length === 1 ? "passage" : "passages"}`;
      const summary = answerable
        ? `Related reading · ${count} the answer does not use`
        : `Related reading · the ${count} closest to the question (none answers it)`;
      card.append(
        el(
          "details",
          { class: "related-reading" },
          el("summary", {}, summary),
          passageList(related, turn, false),
        ),
      );
    }
    return card;
  }

  function pendingCard() {
    return el(
      "section",
      { class: "answer pending", "aria-label": "Waiting for the answer" },
      el("p", { class: "answer-text" }, "Looking for the answer in the article…"),
    );
  }

  function startTurn(question) {
    state.turnCount += 1;
    const turn = state.turnCount;
    const followUp = ui.turns.children.length > 0;
    const item = el(
      "li",
      { class: "turn", id: `t${turn}` },
      el("p", { class: "question" }, el("span", { class: "who" }, followUp ? "You, following up" : "You"), question),
      pendingCard(),
    );
    ui.turns.append(item);
    ui.emptyState.hidden = true;
    return { turn, item };
  }

  function finishTurn(started, answer) {
    const card = answerCard(answer, started.turn);
    started.item.replaceChild(card, started.item.lastElementChild);
    const spoken = answer.answer.replace(MARKER, "").trim();
    const short = shortAnswer(answer);
    const said = short ? `${short}. ${spoken}` : spoken;
    announce(answer.answerable === false ? `Not in the article. ${spoken}` : `Answer: ${said}`);
    card.scrollIntoView({ block: "nearest", behavior: prefersReducedMotion() ? "auto" : "smooth" });
  }

  function dropTurn(started) {
    started.item.remove();
    state.turnCount -= 1;
    ui.emptyState.hidden = ui.turns.children.length > 0;
  }

  // ---- asking --------------------------------------------------------------------------

  function setBusy(busy) {
    state.busy = busy;
    ui.askButton.setAttribute("aria-disabled", busy ? "true" : "false");
    ui.askButton.textContent = busy ? "Asking…" : "Ask";
    ui.turns.setAttribute("aria-busy", busy ? "true" : "false");
  }

  async function ask(question) {
    const generation = state.generation;
    clearProblem();
    setBusy(true);
    const started = startTurn(question);
    let result;
    try {
      for (;;) {
        result = await postAsk(question, state.conversationId);
        if (generation !== state.generation) return; // "New conversation" was pressed meanwhile
        if (result.status !== 401) break;
        storeKey(null);
        const key = await promptForKey(
          result.sentKey ? "The server did not accept that key. Check it and enter it again." : "",
        );
        if (!key) break;
        storeKey(key);
      }
    } finally {
      if (generation === state.generation) setBusy(false);
    }
    if (result.answer) {
      state.conversationId = result.answer.conversation_id || state.conversationId;
      finishTurn(started, result.answer);
      if (ui.question.value.trim() === question) ui.question.value = "";
    } else {
      dropTurn(started);
      const problem = describeProblem(result);
      showProblem(problem);
      announce(`${problem.title}. ${problem.text}`);
    }
    ui.question.focus();
  }

  function onSubmit(event) {
    event.preventDefault();
    if (state.busy) return;
    const question = ui.question.value.trim();
    if (!question) {
      showProblem({ title: "Nothing to ask yet", text: "Type a question about the article first." });
      ui.question.focus();
      return;
    }
    ask(question);
  }

  function onQuestionKey(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.form.requestSubmit();
    }
  }

  function newConversation() {
    state.generation += 1;
    state.conversationId = null;
    state.turnCount = 0;
    setBusy(false);
    ui.turns.replaceChildren();
    ui.emptyState.hidden = false;
    clearProblem();
    announce("New conversation started.");
    ui.question.focus();
  }

  /** A click on [n]: open, scroll to and focus the passage it cites. */
  function onCitationClick(event) {
    const link = event.target.closest("a.cite");
    if (!link) return;
    const passage = document.getElementById(link.hash.slice(1));
    if (!passage) return;
    event.preventDefault();
    const details = passage.closest("details");
    if (details) details.open = true;
    passage.scrollIntoView({ block: "center", behavior: prefersReducedMotion() ? "auto" : "smooth" });
    passage.focus({ preventScroll: true });
    passage.classList.remove("flash");
    void passage.offsetWidth; // restart the animation
    passage.classList.add("flash");
  }

  ui.form.addEventListener("submit", onSubmit);
  ui.question.addEventListener("keydown", onQuestionKey);
  ui.newConversation.addEventListener("click", newConversation);
  ui.turns.addEventListener("click", onCitationClick);
  ui.forgetKey.addEventListener("click", () => {
    storeKey(null);
    announce("The API key was forgotten.");
    ui.question.focus();
  });
  ui.keyState.hidden = !storedKey();
})();
