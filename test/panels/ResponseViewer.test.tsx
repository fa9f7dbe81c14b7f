import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { ResponseViewer } from '../../src/panels/ResponseViewer.tsx';
import { endedStore, renderWith } from './helpers.tsx';

describe('Responses', () => {
  test('create-invoice: the 424 status line, problem+json and failed_prerequisite_step', () => {
    const store = endedStore();
    store.getState().selectStep('create-invoice');
    renderWith(store, <ResponseViewer />);
    const block = screen.getByRole('figure', { name: 'Response of Create invoice' });
    const text = block.querySelector('pre')!.textContent!;
    expect(text.split('\n')[0]).toBe('HTTP/1.1 424 Failed Dependency');
    expect(text).toContain('Content-Type: application/problem+json');
    const body = JSON.parse(text.slice(text.indexOf('\n\n') + 2));
    expect(body).toMatchObject({ status: 424, title: 'Failed Dependency', failed_prerequisite_step: 'authorize-payment', root_cause_step: 'authorize-payment' });
  });

  test('copy puts the response on the clipboard', async () => {
    const store = endedStore();
    store.getState().selectStep('create-invoice');
    renderWith(store, <ResponseViewer />);
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy response of Create invoice' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^HTTP\/1\.1 424 Failed Dependency/));
    expect(screen.getByRole('button', { name: 'Copy response of Create invoice' })).toHaveTextContent('Copied');
  });

  test('the whole run answers 207 Multi-Status', async () => {
    const store = endedStore();
    renderWith(store, <ResponseViewer />);
    const user = userEvent.setup();
    await user.click(screen.getByText(/Whole run: 207 Multi-Status/));
    const text = screen.getByRole('figure', { name: /Batch response/ }).querySelector('pre')!.textContent!;
    expect(text.startsWith('HTTP/1.1 207 Multi-Status')).toBe(true);
    expect(text).toContain('"failed_prerequisite_step": "authorize-payment"');
  });

  test('curl, fetch and Python snippets read failed_prerequisite_step', async () => {
    const store = endedStore();
    store.getState().selectStep('create-invoice');
    renderWith(store, <ResponseViewer />);
    const user = userEvent.setup();
    await user.click(screen.getByText('How a client detects a 424'));
    const group = screen.getByRole('group', { name: 'Client language' });
    const code = () => screen.getByRole('figure', { name: /Detect the 424/ }).querySelector('pre')!.textContent!;
    expect(code()).toContain("https://api.example.com/invoices");
    expect(code()).toContain('.failed_prerequisite_step');
    await user.click(within(group).getByRole('button', { name: 'fetch' }));
    expect(code()).toContain('response.status === 424');
    await user.click(within(group).getByRole('button', { name: 'Python requests' }));
    expect(code()).toContain('response.status_code == 424');
    expect(code()).toContain('problem["failed_prerequisite_step"]');
  });

  test('a 204 No Content answer has no body and no Content-Type', () => {
    const store = endedStore('teardown-after-abort');
    store.getState().selectStep('teardown');
    renderWith(store, <ResponseViewer />);
    const text = screen.getByRole('figure', { name: /Response of / }).querySelector('pre')!.textContent!;
    expect(text.split('\n')[0]).toBe('HTTP/1.1 204 No Content');
    expect(text.toLowerCase()).not.toContain('content-type');
    expect(text).not.toContain('\n\n');
  });
});
