// The "Print this routine" button: hidden in the page until this script shows it, so
// a browser without JavaScript never offers a button that does nothing.
document.querySelectorAll("button.print-button").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
