// Images on user messages: the API's limits, the URL form per endpoint, content parts, and when Send refuses.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  imageDimensionsProblem,
  imageFileProblem,
  imageRefusal,
  imageUrlForm,
  imageUrlProblem,
  inlineImageUrl,
  lacksImageData,
  maxImageBytes,
  withoutImageBytes,
} from '../../src/core/images';
import { messageContent, messageImageUrls, messageText } from '../../src/core/contentParts';
import { buildRequestBody, defaultSettingsFor } from '../../src/core/request';
import { parseRequestJson } from '../../src/core/requestJson';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { editRequestJson, openRequest } from '../../src/store/importActions';
import { openCompare, setColumnModel } from '../../src/store/compareActions';
import { selectCanRunCompare } from '../../src/store/compareSelectors';
import { buildConversationFile, parseConversationFile } from '../../src/store/conversationFile';
import { describeImageUrls } from '../../src/store/imageSelectors';
import { selectCanSend, selectRequestBody } from '../../src/store/selectors';
import { attachImageUrl } from '../../src/store/turnImages';

describe('image limits', () => {
  it('takes JPEG and PNG up to 5 MB', () => {
    expect(imageFileProblem({ name: 'cat.png', type: 'image/png', size: 1000 })).toBeNull();
    expect(imageFileProblem({ name: 'cat.jpg', type: 'image/jpeg', size: maxImageBytes })).toBeNull();
  });

  it('refuses other types and larger files, naming the file', () => {
    expect(imageFileProblem({ name: 'cat.gif', type: 'image/gif', size: 10 })).toMatch(/cat\.gif .*jpg, jpeg and png/);
    expect(imageFileProblem({ name: 'big.png', type: 'image/png', size: 6 * 1024 * 1024 })).toMatch(
      /big\.png is 6\.0 MB.*at most 5 MB/,
    );
  });

  it('refuses more than 6000 pixels on a side', () => {
    expect(imageDimensionsProblem('a.png', 6000, 6000)).toBeNull();
    expect(imageDimensionsProblem('a.png', 6001, 10)).toMatch(/6001×10 pixels/);
  });

  it('takes http and https image URLs only', () => {
    expect(imageUrlProblem('https://example.com/a.png')).toBeNull();
    expect(imageUrlProblem('ftp://example.com/a.png')).toMatch(/https:\/\//);
    expect(imageUrlProblem('not a url')).toMatch(/https:\/\//);
  });
});

describe('imageUrlForm: bare base64 to Z.ai, a data URL elsewhere', () => {
  it.each([
    ['https://api.z.ai/api/paas/v4', 'bare-base64'],
    ['https://api.z.ai/api/coding/paas/v4', 'bare-base64'],
    ['https://open.bigmodel.cn/api/paas/v4', 'bare-base64'],
    ['/proxy/zai/api/paas/v4', 'bare-base64'],
    ['/mock-zai/api/paas/v4', 'bare-base64'],
    ['https://llm.example.com/v1', 'data-url'],
    ['/my-gateway/v1', 'data-url'],
    ['', 'data-url'],
  ] as const)('%s → %s', (baseUrl, form) => {
    expect(imageUrlForm(baseUrl)).toBe(form);
  });

  it('writes the bytes in that form', () => {
    expect(inlineImageUrl('iVBOR', 'image/png', 'bare-base64')).toBe('iVBOR');
    expect(inlineImageUrl('iVBOR', 'image/png', 'data-url')).toBe('data:image/png;base64,iVBOR');
  });
});

describe('content parts', () => {
  it('keeps text-only messages as strings', () => {
    expect(messageContent('Hi')).toBe('Hi');
  });

  it('puts the text first, then one image_url part per image', () => {
    const content = messageContent('What is this?', ['https://example.com/a.png', 'iVBOR']);
    expect(content).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
      { type: 'image_url', image_url: { url: 'iVBOR' } },
    ]);
    expect(messageText(content)).toBe('What is this?');
    expect(messageImageUrls(content)).toEqual(['https://example.com/a.png', 'iVBOR']);
  });

  it('sends a user turn with images as content parts, and an image-only turn too', () => {
    const settings = defaultSettingsFor('glm-4.6v');
    const body = buildRequestBody(settings, [
      { role: 'user', content: 'Look', imageUrls: ['iVBOR'] },
      { role: 'assistant', content: 'A cat.' },
      { role: 'user', content: '', imageUrls: ['https://example.com/b.jpg'] },
    ]);
    expect(body.messages.map((message) => message.content)).toEqual([
      [
        { type: 'text', text: 'Look' },
        { type: 'image_url', image_url: { url: 'iVBOR' } },
      ],
      'A cat.',
      [{ type: 'image_url', image_url: { url: 'https://example.com/b.jpg' } }],
    ]);
  });

  it('leaves inline image bytes out of saved copies, but not remote URLs', () => {
    const inline = 'A'.repeat(4096);
    const saved = JSON.parse(
      JSON.stringify(
        { image_url: { url: inline }, remote: { url: `https://example.com/${inline}` } },
        withoutImageBytes,
      ),
    ) as { image_url: { url: string }; remote: { url: string } };
    expect(saved.image_url.url).toMatch(/^\(image data left out/);
    const savedBody = { messages: [{ role: 'user', content: [saved] }] };
    expect(lacksImageData(savedBody)).toBe(true);
    expect(lacksImageData({ messages: [{ content: [{ image_url: { url: inline } }] }] })).toBe(false);
    expect(saved.remote.url).toBe(`https://example.com/${inline}`);
  });

  it('reads data URLs and bare base64 back as kept bytes, and anything else as not available', () => {
    const { images, bytes } = describeImageUrls(['data:image/jpeg;base64,/9j/AA==', 'iVBORw==', '(left out)']);
    expect(images.map((image) => image.mimeType)).toEqual(['image/jpeg', 'image/png', 'image/png']);
    expect(Object.values(bytes)).toEqual(['/9j/AA==', 'iVBORw==', null]);
  });
});

describe('selectCanSend with images', () => {
  const readiness = () => selectCanSend(usePlaygroundStore.getState());
  beforeEach(() => {
    resetPlayground();
    connectionActions.setApiKey('key-abcdefghijkl');
  });

  function useModel(model: string): void {
    usePlaygroundStore.setState((state) => ({ settings: { ...state.settings, model } }));
  }

  it('names the text-only model and a vision model to pick', () => {
    useModel('glm-4.7');
    attachImageUrl('https://example.com/cat.png');
    expect(readiness()).toEqual({
      ok: false,
      reason: 'GLM-4.7 reads text only — pick a vision model such as GLM-4.6V to send images.',
    });
    expect(imageRefusal('glm-4.6v')).toBeNull();
    expect(imageRefusal('my-own-model')).toBeNull();
  });

  it('is ready on a vision model, and sends the image as a content part', () => {
    useModel('glm-4.6v');
    attachImageUrl('https://example.com/cat.png');
    expect(readiness()).toEqual({ ok: true, reason: null });
    expect(selectRequestBody(usePlaygroundStore.getState()).messages).toEqual([
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] },
    ]);
  });

  it('blocks an image whose bytes this browser does not have, and waits for ones still loading', () => {
    useModel('glm-4.6v');
    const image = { id: 'image-1', name: 'cat.png', mimeType: 'image/png', size: 10 };
    usePlaygroundStore.setState((state) => ({
      conversation: { ...state.conversation, draft: 'Hi', draftImages: [image] },
    }));
    expect(readiness().reason).toMatch(/still loading/);
    usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, imageBytes: { 'image-1': null } } }));
    expect(readiness().reason).toMatch(/cat\.png is not available in this browser/);
    usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, imageBytes: { 'image-1': 'iVBOR' } } }));
    expect(readiness()).toEqual({ ok: true, reason: null });
  });
});

describe('images elsewhere', () => {
  beforeEach(() => {
    resetPlayground();
    connectionActions.setApiKey('key-abcdefghijkl');
  });

  it('Run comparison names the column whose model reads text only', () => {
    usePlaygroundStore.setState((state) => ({ settings: { ...state.settings, model: 'glm-4.6v' } }));
    openCompare();
    attachImageUrl('https://example.com/cat.png');
    const [, second] = usePlaygroundStore.getState().compare.columns;
    expect(selectCanRunCompare(usePlaygroundStore.getState()).ok).toBe(true);
    setColumnModel(second?.id ?? '', 'glm-4.7');
    expect(selectCanRunCompare(usePlaygroundStore.getState()).reason).toBe(
      'Column 2: GLM-4.7 reads text only — pick a vision model such as GLM-4.6V to send images.',
    );
  });

  it('a conversation file keeps the description of each turn’s images', () => {
    const image = { id: 'image-1', name: 'cat.png', mimeType: 'image/png', size: 10 };
    const state = usePlaygroundStore.getState();
    const turns = [
      { id: 't1', role: 'user' as const, content: 'Hi', reasoning: '', excluded: false, reply: null, images: [image] },
    ];
    const text = buildConversationFile({ ...state, conversation: { ...state.conversation, turns } }, new Date(0));
    const parsed = parseConversationFile(text, state.settings);
    expect(parsed.ok && parsed.conversation.turns[0]?.images).toEqual([image]);
  });
});

describe('images in requests read back', () => {
  beforeEach(() => {
    resetPlayground();
    connectionActions.setApiKey('key-abcdefghijkl');
    usePlaygroundStore.setState((state) => ({ settings: { ...state.settings, model: 'glm-4.6v' } }));
  });

  it('an opened request (cURL, share link) keeps its inline image, sent in the endpoint’s form', () => {
    const content = [
      { type: 'text', text: 'Look' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw==' } },
    ];
    const parsed = parseRequestJson(JSON.stringify({ model: 'glm-4.6v', messages: [{ role: 'user', content }] }));
    if (!parsed.ok) throw new Error('expected a valid request');
    openRequest(parsed);
    const state = usePlaygroundStore.getState();
    expect(state.conversation.draft).toBe('Look');
    expect(state.conversation.draftImages).toHaveLength(1);
    // The default endpoint is Z.ai: the same bytes go out as bare base64.
    expect(selectRequestBody(state).messages[0]?.content).toEqual([
      { type: 'text', text: 'Look' },
      { type: 'image_url', image_url: { url: 'iVBORw==' } },
    ]);
  });

  it('the JSON tab applied unchanged keeps the draft’s images as they are', () => {
    attachImageUrl('https://example.com/cat.png');
    actions.setDraft('Hi');
    const before = usePlaygroundStore.getState().conversation.draftImages;
    editRequestJson(JSON.stringify(selectRequestBody(usePlaygroundStore.getState())));
    expect(usePlaygroundStore.getState().conversation.draftImages).toBe(before);
  });
});
