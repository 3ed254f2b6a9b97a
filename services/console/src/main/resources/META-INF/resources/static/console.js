// Small progressive enhancements; every page works without JavaScript.
(function () {
  'use strict';
  // Ticking a facet applies the search at once (the button stays for keyboard and no-JS users).
  document.querySelectorAll('form.search .facet input[type=checkbox]').forEach(function (box) {
    box.addEventListener('change', function () { box.form.submit(); });
  });
})();
