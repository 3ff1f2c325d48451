// MotCua design system enhancements (docs/design.md): error-summary focus, dd/MM/yyyy date picker, searchable combobox.
// Progressive enhancement only: every form works without this file.
(function () {
  'use strict';
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var fmt = function (d) { return pad(d.getDate()) + '/' + pad(d.getMonth() + 1) + '/' + d.getFullYear(); };
  function parse(s) {
    var m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s || '') || null;
    if (m) { var d = new Date(+m[3], +m[2] - 1, +m[1]); return d.getDate() === +m[1] && d.getMonth() === +m[2] - 1 ? d : null; }
    m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(s || '');
    return m ? new Date(+m[1], +m[2] - 1, +m[3]) : null;
  }
  var seq = 0;
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) { if (attrs[k] !== null) e.setAttribute(k, attrs[k]); }
    if (text) e.textContent = text;
    return e;
  }

  // Date picker: shows and takes dd/MM/yyyy whatever the browser's locale.
  function datePicker(input) {
    var wrap = el('span', { 'class': 'date-wrap' });
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var text = input.getAttribute('data-dp-button') || 'Lịch';
    // The accessible name starts with the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
    var label = text + ' – ' + (input.getAttribute('data-dp-open') || 'Chọn ngày');
    var btn = el('button', { type: 'button', 'class': 'date-btn', 'aria-label': label, 'aria-expanded': 'false', 'data-testid': 'date-button' }, text);
    wrap.appendChild(btn);
    var days = (input.getAttribute('data-dp-days') || 'T2,T3,T4,T5,T6,T7,CN').split(',');
    var box = null, shown = null;
    function close(focus) {
      if (!box) return;
      box.remove(); box = null; btn.setAttribute('aria-expanded', 'false');
      if (focus) input.focus();
    }
    function choose(d) {
      input.value = fmt(d);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      close(true);
    }
    function render(focusDay) {
      var selected = parse(input.value), today = new Date();
      box.textContent = '';
      var head = el('div', { 'class': 'dp-head' });
      var prev = el('button', { type: 'button', 'aria-label': input.getAttribute('data-dp-prev') || 'Tháng trước' }, '‹');
      var next = el('button', { type: 'button', 'aria-label': input.getAttribute('data-dp-next') || 'Tháng sau' }, '›');
      var title = el('span', { 'aria-live': 'polite', 'data-testid': 'datepicker-month' }, pad(shown.getMonth() + 1) + '/' + shown.getFullYear());
      prev.onclick = function () { shown = new Date(shown.getFullYear(), shown.getMonth() - 1, 1); render(); };
      next.onclick = function () { shown = new Date(shown.getFullYear(), shown.getMonth() + 1, 1); render(); };
      head.appendChild(prev); head.appendChild(title); head.appendChild(next);
      box.appendChild(head);
      var table = el('table', { role: 'grid' }), tr = el('tr');
      days.forEach(function (d) { tr.appendChild(el('th', { scope: 'col' }, d)); });
      table.appendChild(el('thead')).appendChild(tr);
      var body = el('tbody'); table.appendChild(body);
      var first = new Date(shown.getFullYear(), shown.getMonth(), 1), offset = (first.getDay() + 6) % 7;
      var count = new Date(shown.getFullYear(), shown.getMonth() + 1, 0).getDate(), focusBtn = null;
      tr = el('tr');
      for (var i = 0; i < offset; i++) tr.appendChild(el('td'));
      for (var day = 1; day <= count; day++) {
        var date = new Date(shown.getFullYear(), shown.getMonth(), day);
        var b = el('button', { type: 'button', 'data-date': fmt(date), 'aria-label': fmt(date), tabindex: '-1',
          'aria-selected': selected && +selected === +date ? 'true' : 'false' }, String(day));
        if (fmt(date) === fmt(today)) b.className = 'today';
        if ((focusDay && day === focusDay) || (!focusDay && !focusBtn && (selected && +selected === +date))) focusBtn = b;
        b.onclick = (function (d) { return function () { choose(d); }; })(date);
        tr.appendChild(el('td')).appendChild(b);
        if ((offset + day) % 7 === 0) { body.appendChild(tr); tr = el('tr'); }
      }
      if (tr.childNodes.length) body.appendChild(tr);
      box.appendChild(table);
      focusBtn = focusBtn || box.querySelector('td button');
      focusBtn.tabIndex = 0;
      focusBtn.focus();
    }
    btn.onclick = function () {
      if (box) { close(true); return; }
      var current = parse(input.value) || new Date();
      shown = new Date(current.getFullYear(), current.getMonth(), 1);
      box = el('div', { 'class': 'datepicker', role: 'dialog', 'aria-label': label, 'data-testid': 'datepicker' });
      wrap.appendChild(box);
      btn.setAttribute('aria-expanded', 'true');
      render();
      box.addEventListener('keydown', function (e) {
        if (e.key === 'Escape') { e.preventDefault(); close(true); return; }
        var t = e.target, step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key];
        if (!step || !t.getAttribute('data-date')) return;
        e.preventDefault();
        var d = parse(t.getAttribute('data-date')); d.setDate(d.getDate() + step);
        shown = new Date(d.getFullYear(), d.getMonth(), 1);
        render(d.getDate());
      });
    };
    document.addEventListener('click', function (e) { if (box && !wrap.contains(e.target)) close(false); });
  }

  // Combobox over a <select>: diacritics-insensitive word search, keyboard and screen-reader friendly.
  var fold = function (s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase(); };
  function combobox(select) {
    var id = select.id || ('combo' + (++seq)), listId = id + '-list';
    var options = Array.prototype.filter.call(select.options, function (o) { return o.value; })
      .map(function (o, i) { return { value: o.value, text: o.text, key: fold(o.text), id: listId + '-' + i }; });
    var wrap = el('div', { 'class': 'combo' });
    var input = el('input', { type: 'text', id: id, role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list',
      'aria-expanded': 'false', 'aria-controls': listId, placeholder: select.getAttribute('data-combobox-label'),
      'data-testid': select.getAttribute('data-testid') ? select.getAttribute('data-testid') + '-search' : 'combobox' });
    var list = el('ul', { role: 'listbox', id: listId, hidden: '' });
    if (select.getAttribute('aria-describedby')) input.setAttribute('aria-describedby', select.getAttribute('aria-describedby'));
    var labelEl = id && document.querySelector('label[for="' + id + '"]');
    if (labelEl) { labelEl.id = labelEl.id || id + '-label'; list.setAttribute('aria-labelledby', labelEl.id); }
    select.id = id + '-select';
    select.hidden = true;
    select.setAttribute('aria-hidden', 'true');
    select.tabIndex = -1;
    if (select.required) { select.required = false; input.required = true; }
    select.parentNode.insertBefore(wrap, select);
    wrap.appendChild(input); wrap.appendChild(list); wrap.appendChild(select);
    var chosen = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : null;
    if (chosen && chosen.value) input.value = chosen.text;
    var shown = [], active = -1;
    function open(q) {
      var words = fold(q || '').split(/\s+/).filter(Boolean);
      shown = options.filter(function (o) { return words.every(function (w) { return o.key.indexOf(w) >= 0; }); });
      list.textContent = '';
      shown.forEach(function (o) {
        var li = el('li', { role: 'option', id: o.id, 'aria-selected': 'false' }, o.text);
        li.addEventListener('mousedown', function (e) { e.preventDefault(); pick(o); });
        list.appendChild(li);
      });
      if (!shown.length) list.appendChild(el('li', { 'class': 'combo-empty', role: 'presentation' }, select.getAttribute('data-combobox-empty') || 'Không tìm thấy'));
      list.hidden = false; input.setAttribute('aria-expanded', 'true');
      move(shown.length ? 0 : -1);
    }
    function close() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; }
    function move(i) {
      if (active >= 0 && list.children[active]) list.children[active].setAttribute('aria-selected', 'false');
      active = i;
      if (i < 0) { input.removeAttribute('aria-activedescendant'); return; }
      var li = list.children[i]; li.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
    function pick(o) {
      input.value = o.text; select.value = o.value; input.setCustomValidity('');
      select.dispatchEvent(new Event('change', { bubbles: true }));
      close();
      if (select.hasAttribute('data-combobox-submit') && select.form) select.form.requestSubmit();
    }
    input.addEventListener('input', function () {
      var exact = options.filter(function (o) { return o.text === input.value; })[0];
      select.value = exact ? exact.value : '';
      input.setCustomValidity('');
      open(input.value);
    });
    input.addEventListener('focus', function () { if (!select.value) open(input.value); });
    input.addEventListener('blur', function () { close(); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) open(select.value ? '' : input.value); else if (active < shown.length - 1) move(active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); if (active > 0) move(active - 1); }
      else if (e.key === 'Enter' && !list.hidden && active >= 0) { e.preventDefault(); pick(shown[active]); }
      else if (e.key === 'Escape') { close(); }
    });
    if (select.form) {
      select.form.addEventListener('submit', function (e) {
        if (input.value && !select.value) {
          e.preventDefault();
          input.setCustomValidity(select.getAttribute('data-combobox-invalid') || 'Chọn một mục trong danh sách');
          input.reportValidity();
        }
      });
    }
  }

  function init() {
    var summary = document.querySelector('.error-summary');
    if (summary) summary.focus();
    Array.prototype.forEach.call(document.querySelectorAll('input[data-datepicker]'), datePicker);
    Array.prototype.forEach.call(document.querySelectorAll('select[data-combobox]'), combobox);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
