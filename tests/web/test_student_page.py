#!/usr/bin/env python3
"""test_student_page.py -- the student's page in a real browser (issue 18): headless Chromium,
driven by chromium-driver and python3-selenium, joins a `chokepoint serve` game on loopback with
the printed code, is refused a tariff out of range with the core's words, places a tariff, sees it
pending, withdraws a second order, is told when the teacher pauses (and its Ready then refused),
proposes a deal and withdraws it, accepts a deal Japan offers (after a look at Counter), presses Ready, and sees the next quarter and the tariff among the policies in force. It
also checks that a wrong code is refused in words, that a name full of HTML stays text, that a
click on the map picks the partner, that a reload rejoins the seat by itself, that nothing is wider
than a phone's screen, and that the page says it is reconnecting when the server goes away. Every assertion is on the page's text.

usage: test_student_page.py CHOKEPOINT_BIN [--shots DIR]
Exits 77 (ctest's SKIP_RETURN_CODE) only when Chromium or its driver is not installed."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

SKIP = 77
STEP_S = 25        # the longest any one step may take (a quarter, a page load)
SERVER_START_S = 60


def fail(msg):
    print('FAIL: ' + msg, file=sys.stderr)
    sys.exit(1)


def find_browser():
    """Chromium and chromium-driver as Debian installs them; None when either is absent."""
    browser = shutil.which('chromium') or shutil.which('chromium-browser')
    driver = shutil.which('chromedriver') or ('/usr/bin/chromedriver' if os.path.exists('/usr/bin/chromedriver') else None)
    return (browser, driver) if browser and driver else None


def start_server(binary, workdir):
    """Start `chokepoint serve` on a free loopback port and read its address and USA's code from
    the lines it prints before 'ready'."""
    cmd = [binary, 'serve', '--bind', '127.0.0.1', '--port', '0', '--scenario', 'baseline',
           '--seats', 'USA,JPN', '--turn-seconds', '0', '--turns', '4', '--seed', '7']
    proc = subprocess.Popen(cmd, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, text=True, bufsize=1)
    lines, found = [], {}

    def read():
        for line in proc.stdout:
            lines.append(line.rstrip('\n'))
            m = re.match(r'address: (http://\S+)', line)
            if m:
                found['address'] = m.group(1)
            m = re.match(r'seat: USA .* (\S+)\s*$', line)
            if m:
                found['code'] = m.group(1)
            m = re.match(r'seat: JPN .* (\S+)\s*$', line)
            if m:
                found['japan'] = m.group(1)
            m = re.match(r'teacher: (\S+)\s*$', line)
            if m:
                found['teacher'] = m.group(1)
            if line.strip() == 'ready':
                found['ready'] = True
    threading.Thread(target=read, daemon=True).start()
    deadline = time.time() + SERVER_START_S
    while time.time() < deadline and 'ready' not in found and proc.poll() is None:
        time.sleep(0.05)
    if 'ready' not in found or 'address' not in found or 'code' not in found or 'teacher' not in found \
            or 'japan' not in found:
        proc.kill()
        fail('the server did not print its address, USA\'s and the teacher\'s codes and "ready":\n'
             + '\n'.join(lines))
    if not re.match(r'http://127\.0\.0\.1:\d+/$', found['address']):
        proc.kill()
        fail('the server is not on loopback: ' + found['address'])
    return proc, found['address'], found['code'], found['teacher'], found['japan'], lines


def main():
    if len(sys.argv) < 2:
        fail('usage: test_student_page.py CHOKEPOINT_BIN [--shots DIR]')
    binary = os.path.abspath(sys.argv[1])
    shots = sys.argv[sys.argv.index('--shots') + 1] if '--shots' in sys.argv else None
    tools = find_browser()
    if not tools:
        print('SKIP: chromium and chromium-driver are not installed')
        sys.exit(SKIP)
    import websocket
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import Select, WebDriverWait

    work = tempfile.mkdtemp(prefix='cp-web-')
    proc, address, code, teacher_code, japan_code, server_lines = start_server(binary, work)
    driver = None
    try:
        opts = webdriver.ChromeOptions()
        opts.binary_location = tools[0]
        for a in ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                  '--window-size=1366,768', '--user-data-dir=' + os.path.join(work, 'profile'),
                  '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync', '--disable-default-apps',
                  '--disable-features=Translate,OptimizationHints,MediaRouter',
                  # loopback only: every other host name fails to resolve
                  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1']:
            opts.add_argument(a)
        driver = webdriver.Chrome(service=Service(tools[1]), options=opts)
        driver.set_page_load_timeout(STEP_S)
        d = driver

        def wait(what, cond):
            try:
                return WebDriverWait(d, STEP_S, poll_frequency=0.1).until(lambda _: cond())
            except Exception:
                fail('timed out waiting for ' + what + '\npage text:\n' + d.find_element(By.TAG_NAME, 'body').text
                     + '\nserver:\n' + '\n'.join(server_lines[-30:]))

        def text(id_):
            return d.find_element(By.ID, id_).text

        def click(id_):
            b = d.find_element(By.ID, id_)
            d.execute_script('arguments[0].scrollIntoView({block: "center"})', b)
            b.click()

        def shot(name):
            if shots:
                os.makedirs(shots, exist_ok=True)
                d.save_screenshot(os.path.join(shots, name))

        def phone_width(keep=False):
            """At a 390 px phone's width, no visible part of the page ends past the screen's edge."""
            d.execute_cdp_cmd('Emulation.setDeviceMetricsOverride',
                              {'width': 390, 'height': 844, 'deviceScaleFactor': 1, 'mobile': True})
            wait('the phone layout', lambda: d.execute_script('return document.documentElement.clientWidth') == 390)
            time.sleep(0.3)
            wide = d.execute_script('''
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('#topbar *, #game *')]
                  .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > w + 0.5)
                  .slice(0, 5).map((e) => e.tagName + (e.id ? '#' + e.id : '') + ' ends at '
                                   + Math.round(e.getBoundingClientRect().right) + ' px');''')
            if wide:
                fail('wider than a 390 px phone (%s): %s' % (text('top-date'), ', '.join(wide)))
            if not keep:
                d.execute_cdp_cmd('Emulation.clearDeviceMetricsOverride', {})

        # a wrong code is refused in words, and the page stays on the join screen
        d.get(address)
        wait('the join form', lambda: d.find_element(By.ID, 'join-code').is_displayed())
        d.find_element(By.ID, 'join-code').send_keys('ZZZZ-ZZZZ-ZZZZ-Z')
        hostile = 'Ana <img src=x onerror=pwned=1><b>'  # 34 characters: fits the 40 a name may have
        d.find_element(By.ID, 'join-name').send_keys(hostile)
        click('join-button')
        wait('the wrong code to be refused', lambda: 'code is not right' in text('join-error'))
        if d.find_element(By.ID, 'game').is_displayed():
            fail('a wrong code showed the game')

        # the right code, typed in lower case with spaces, joins the United States
        box = d.find_element(By.ID, 'join-code')
        box.clear()
        box.send_keys(code.lower().replace('-', ' '))
        click('join-button')
        wait('the dashboard', lambda: d.find_element(By.ID, 'game').is_displayed() and text('top-date'))
        if 'United States' not in text('top-nation'):
            fail('the top bar does not name the nation: ' + text('top-nation'))
        first_date = re.match(r'\d{4}Q[1-4]', text('top-date'))
        if not first_date:
            fail('no date in the top bar: ' + text('top-date'))
        first_date = first_date.group(0)
        if not re.search(r'Need met last quarter\s+\d+%', text('figures')) or 'Treasury' not in text('figures'):
            fail('the key figures are missing: ' + text('figures'))
        # the student's name came back from the server as text, not as HTML
        click('class-summary')  # the class table folds away: 30 rows would bury the orders
        wait('the class table', lambda: hostile in text('class'))
        if d.execute_script('return window.pwned === 1 || document.querySelector("#class img, #class b") !== null'):
            fail('the name was put on the page as HTML')

        phone_width()  # the first quarter's plants have dates, not 'now': the widest table

        # a tariff out of the catalog's range: the core's refusal beside the form
        Select(d.find_element(By.ID, 'order-kind')).select_by_value('set_tariff')
        wait('the tariff form', lambda: d.find_elements(By.ID, 'order-amount'))
        Select(d.find_element(By.ID, 'order-good')).select_by_value('magnet')
        # Japan chosen as the partner from the keyboard: arrow keys step through the nations
        canvas = d.find_element(By.ID, 'map')
        d.execute_script('arguments[0].scrollIntoView({block: "center"})', canvas)
        wait('the map', lambda: 'blue' in text('map-note'))
        canvas.send_keys(Keys.ARROW_RIGHT)
        for _ in range(60):
            if text('map-note').startswith('Japan:'):
                break
            canvas.send_keys(Keys.ARROW_RIGHT)
        canvas.send_keys(Keys.ENTER)
        wait('Japan as the partner', lambda: Select(d.find_element(By.ID, 'order-partner'))
             .first_selected_option.get_attribute('value') == 'JPN')
        # China chosen as the partner by a click on the map (104 E, 35 N, projected as the page does)
        dx, dy = d.execute_script('''
            const cv = document.getElementById('map'), r = cv.getBoundingClientRect(), t = mapTransform(cv);
            const [x, y] = equalEarth(104, 35);
            return [(t.ox + x * t.s) * r.width / cv.width - r.width / 2,
                    (t.oy - y * t.s) * r.height / cv.height - r.height / 2];''')
        ActionChains(d).move_to_element_with_offset(canvas, int(dx), int(dy)).click().perform()
        wait('China as the partner', lambda: Select(d.find_element(By.ID, 'order-partner'))
             .first_selected_option.get_attribute('value') == 'CHN')
        amount = d.find_element(By.ID, 'order-amount')
        hi = float(amount.get_attribute('max'))
        amount.clear()
        amount.send_keys(repr(hi * 2 + 1))
        wait('a refusal quoted', lambda: 'refuse' in text('order-quote'))
        refusal = text('order-quote')
        if 'tariff' not in refusal.lower():
            fail('the refusal does not name the tariff rate: ' + refusal)

        # a 35% tariff on magnets from China (the baseline has none): quoted, placed, pending
        good_label = Select(d.find_element(By.ID, 'order-good')).first_selected_option.text
        amount.clear()
        amount.send_keys('0.35')
        wait('a quote', lambda: text('order-quote') and 'refuse' not in text('order-quote'))
        click('order-place')
        wait('the order to be placed', lambda: 'Order placed' in text('order-result'))
        wait('the order pending', lambda: 'Withdraw' in text('pending'))
        pending = text('pending')
        if 'tariff' not in pending.lower() or 'China' not in pending:
            fail('the pending order does not say what it is: ' + pending)
        d.execute_script('window.scrollTo(0, 0)')
        shot('student-page-1366x768.png')

        # a second order (export tracking on), pending beside the first, then withdrawn
        Select(d.find_element(By.ID, 'order-kind')).select_by_value('set_tracking')
        wait('the tracking form', lambda: d.find_elements(By.ID, 'order-flag'))
        Select(d.find_element(By.ID, 'order-flag')).select_by_value('1')
        click('order-place')
        wait('two orders pending', lambda: len(d.find_elements(By.CSS_SELECTOR, '#pending button')) == 2)
        items = d.find_elements(By.CSS_SELECTOR, '#pending li')
        tracking = [li for li in items if 'tracking' in li.text]
        if len(tracking) != 1:
            fail('the tracking order is not pending in words: ' + text('pending'))
        button = tracking[0].find_element(By.TAG_NAME, 'button')
        d.execute_script('arguments[0].scrollIntoView({block: "center"})', button)
        button.click()
        wait('the tracking order withdrawn', lambda: 'tracking' not in text('pending')
             and len(d.find_elements(By.CSS_SELECTOR, '#pending button')) == 1)
        if 'Tariff' not in text('pending') and 'tariff' not in text('pending'):
            fail('withdrawing one order took the other too: ' + text('pending'))
        # the teacher pauses (over the protocol, as the window would): the page says so, and a
        # Ready pressed meanwhile is refused and not shown as ready
        teacher = websocket.create_connection(address.replace('http://', 'ws://') + 'ws', timeout=STEP_S)
        teacher.send(json.dumps({'type': 'hello', 'v': 1, 'code': teacher_code, 'name': 'Teacher'}))
        teacher.send(json.dumps({'type': 'teacher', 'req': 1, 'action': 'pause'}))
        wait('the paused banner', lambda: d.find_element(By.ID, 'banner-paused').is_displayed())
        click('ready')
        wait('Ready refused while paused', lambda: 'paused' in text('banner-error'))
        if d.find_element(By.ID, 'ready').get_attribute('aria-pressed') != 'false' or 'You are ready' in text('top-ready'):
            fail('a Ready refused while paused is shown as ready: ' + text('ready'))
        if 'Waiting for the rest' in text('ready-note'):
            fail('a Ready refused while paused says it waits for the class: ' + text('ready-note'))
        teacher.send(json.dumps({'type': 'teacher', 'req': 2, 'action': 'resume'}))
        wait('the paused banner to go', lambda: not d.find_element(By.ID, 'banner-paused').is_displayed())
        teacher.close()

        # a deal proposed to China (a tariff cap on magnets), listed in the server's words, withdrawn
        d.execute_script('document.getElementById("deal-new").open = true')
        Select(d.find_element(By.ID, 'deal-to')).select_by_value('CHN')
        Select(d.find_element(By.ID, 'clause-kind-1')).select_by_value('tariff')
        Select(d.find_element(By.ID, 'clause-good-1')).select_by_value('magnet')
        click('deal-send')
        wait('the proposal to be sent', lambda: 'Proposal sent' in text('deal-result'))
        wait('the deal listed', lambda: 'proposed' in text('deals') and 'China' in text('deals'))
        withdraw = [b for b in d.find_elements(By.CSS_SELECTOR, '#deals button') if b.text == 'Withdraw']
        if len(withdraw) != 1:
            fail('the proposal has no Withdraw button: ' + text('deals'))
        d.execute_script('arguments[0].scrollIntoView({block: "center"})', withdraw[0])
        withdraw[0].click()
        wait('the proposal withdrawn', lambda: 'withdrawn' in text('deals'))

        # Japan (another seat, over the protocol) offers to cap its tariff on US magnets: the page
        # shows the offer with Accept, Reject and Counter; Counter fills the form with the offer's
        # clause; Accept agrees it. Japan is then ready, so the quarter waits only for this page.
        japan = websocket.create_connection(address.replace('http://', 'ws://') + 'ws', timeout=STEP_S)
        japan.send(json.dumps({'type': 'hello', 'v': 1, 'code': japan_code, 'name': 'Kenji'}))
        japan.send(json.dumps({'type': 'deal', 'req': 1, 'action': 'propose', 'deal': {
            'to': 'USA', 'term_turns': 6, 'clauses': [
                {'kind': 'tariff', 'from': 'JPN', 'to': 'USA', 'good': 'magnet', 'amount': 0.02}]}}))
        wait('Japan\'s offer', lambda: 'Accept' in text('deals') and 'Japan' in text('deals'))
        counter = [b for b in d.find_elements(By.CSS_SELECTOR, '#deals button') if b.text == 'Counter']
        d.execute_script('arguments[0].scrollIntoView({block: "center"})', counter[0])
        counter[0].click()
        wait('the counter-offer form', lambda: 'Their offer' in text('deal-counter-note'))
        if Select(d.find_element(By.ID, 'deal-to')).first_selected_option.get_attribute('value') != 'JPN' or \
                d.find_element(By.ID, 'clause-amount-1').get_attribute('value') != '0.02':
            fail('Counter did not fill the form with Japan\'s offer')
        click('deal-cancel')
        accept = [b for b in d.find_elements(By.CSS_SELECTOR, '#deals button') if b.text == 'Accept']
        d.execute_script('arguments[0].scrollIntoView({block: "center"})', accept[0])
        accept[0].click()
        wait('the deal accepted', lambda: 'You accepted' in text('deal-result') and 'agreed' in text('deals'))
        japan.send(json.dumps({'type': 'ready', 'ready': True}))
        wait('Japan\'s player in the class table', lambda: 'Kenji' in text('class'))

        before = text('policies')
        if '35%' in before:
            fail('a 35% policy is in force before the order: ' + before)

        # Ready ends the quarter (Japan is ready, no timer): the next quarter, the tariff in force
        click('ready')
        wait('the next quarter', lambda: first_date not in text('top-date'))
        wait('the pending list to empty', lambda: 'Withdraw' not in text('pending'))
        policies = text('policies')
        line = 'Tariff on %s from China: 35%%' % good_label
        if line not in policies.split('\n'):
            fail('"%s" is not among the policies in force:\n%s' % (line, policies))
        if 'tracked' in policies:
            fail('the withdrawn tracking order was carried out:\n' + policies)
        if 'not been played' in text('report'):
            fail('no turn report after the quarter')
        japan.close()
        second_date = re.match(r'\d{4}Q[1-4]', text('top-date')).group(0)

        # a reload (a closed tab) rejoins the seat from localStorage, in the same quarter
        d.refresh()
        wait('the rejoin after a reload', lambda: d.find_element(By.ID, 'game').is_displayed()
             and second_date in text('top-date'))
        wait('the policies after the rejoin', lambda: line in text('policies'))

        # a phone's width after a quarter: nothing wider than the screen
        phone_width(keep=True)
        d.execute_script('window.scrollTo(0, 0)')
        shot('student-page-390x844.png')
        # the page's own script never failed (uncaught exceptions are logged as SEVERE)
        errors = [e['message'] for e in d.get_log('browser') if e.get('level') == 'SEVERE']
        if errors:
            fail('the page logged errors:\n' + '\n'.join(errors))

        # the server gone (the teacher's laptop shut): the page says it is reconnecting
        proc.kill()
        proc.wait()
        wait('the reconnecting banner', lambda: 'reconnecting' in text('banner-conn'))
        print('ok: joined %s, refused "%s", tariff placed, quarter %s -> %s, policies: %s'
              % (address, refusal, first_date, second_date, policies.replace('\n', ' | ')))
    finally:
        if driver:
            driver.quit()
        proc.kill()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
